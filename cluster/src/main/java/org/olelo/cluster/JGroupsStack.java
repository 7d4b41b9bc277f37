package org.olelo.cluster;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JGroups protocol stack of a node, written from its {@link ClusterSettings}: TCP on
 * {@code cluster.bind}, static discovery of {@code cluster.members} (TCPPING), merging of split
 * views (MERGE3), failure detection by a socket per member (FD_SOCK2: a dead process is noticed
 * as soon as its socket closes) and by heartbeats (FD_ALL3: a silent member after
 * {@code cluster.failure.timeout.millis}), a short verification of suspects (VERIFY_SUSPECT2),
 * then reliable delivery, membership and flow control as Infinispan's own TCP stack has them.
 *
 * <p>Failure detection times: a killed process leaves the view after the verification
 * ({@value #VERIFY_MILLIS} ms) and the view installation, about one second; a hung or cut-off
 * member after the heartbeat timeout plus up to one heartbeat interval (a third of the timeout)
 * plus the verification: about 4.5 s with the default 3 s.
 */
final class JGroupsStack {

    /** How long a suspected member is checked before it is excluded, in milliseconds. */
    static final long VERIFY_MILLIS = 500;

    private JGroupsStack() {
    }

    /**
     * @param s the settings
     * @return the stack as JGroups XML
     */
    static String xml(ClusterSettings s) {
        List<InetSocketAddress> hosts = new ArrayList<>(s.members());
        if (!hosts.contains(s.bind())) {
            hosts.add(s.bind());
        }
        String initial = hosts.stream().map(a -> a.getHostString() + "[" + a.getPort() + "]")
                .collect(Collectors.joining(","));
        long interval = Math.max(100, s.failureMillis() / 3);
        return """
                <config xmlns="urn:org:jgroups">
                  <TCP bind_addr="%s" bind_port="%d" port_range="0" diag.enabled="false" thread_naming_pattern="pl"
                       send_buf_size="640k" sock_conn_timeout="300" tcp_nodelay="true" bundler_type="transfer-queue"
                       thread_pool.min_threads="0" thread_pool.max_threads="200" thread_pool.keep_alive_time="60000"/>
                  <RED/>
                  <TCPPING initial_hosts="%s" port_range="0"/>
                  <MERGE3 min_interval="2000" max_interval="10000"/>
                  <FD_SOCK2 offset="1" port_range="0"/>
                  <FD_ALL3 timeout="%d" interval="%d"/>
                  <VERIFY_SUSPECT2 timeout="%d"/>
                  <pbcast.NAKACK2 use_mcast_xmit="false" xmit_interval="200" resend_last_seqno="true"/>
                  <UNICAST3 conn_close_timeout="5000" xmit_interval="200"/>
                  <pbcast.STABLE desired_avg_gossip="5000" max_bytes="1M"/>
                  <pbcast.GMS print_local_addr="false" join_timeout="2000"/>
                  <UFC max_credits="4m" min_threshold="0.40"/>
                  <MFC max_credits="4m" min_threshold="0.40"/>
                  <FRAG4 frag_size="60000"/>
                </config>
                """.formatted(s.bind().getHostString(), s.bind().getPort(), initial, s.failureMillis(), interval,
                VERIFY_MILLIS);
    }
}
