package org.olelo.bench;

/**
 * The SIP text of the call the benchmarks drive: the same messages sipp sends in bench/scenarios
 * (caller on 127.0.0.1:5080, callee on 127.0.0.1:5070, the server on 127.0.0.1:5060).
 */
final class Messages {

    static final String SDP = "v=0\r\no=bench 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 6000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    private Messages() {
    }

    /** The caller's INVITE number n, sent to the server for sip:uas@127.0.0.1:5070. */
    static String invite(int n) {
        return "INVITE sip:uas@127.0.0.1:5070;transport=UDP SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-bench-" + n + "-0;rport\r\n"
                + "From: \"bench\" <sip:caller@127.0.0.1:5080>;tag=c" + n + "\r\n"
                + "To: <sip:uas@127.0.0.1:5070>\r\n"
                + "Call-ID: " + n + "-bench@127.0.0.1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:caller@127.0.0.1:5080;transport=UDP>\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + SDP.length() + "\r\n\r\n" + SDP;
    }

    /** A 200 to INVITE n as the callee sends it back through a record-routing server. */
    static String ok200(int n) {
        return "SIP/2.0 200 OK\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKserver" + n + "\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-bench-" + n + "-0;rport=5080;received=127.0.0.1\r\n"
                + "Record-Route: <sip:127.0.0.1:5060;transport=udp;lr>\r\n"
                + "From: \"bench\" <sip:caller@127.0.0.1:5080>;tag=c" + n + "\r\n"
                + "To: <sip:uas@127.0.0.1:5070>;tag=s" + n + "\r\n"
                + "Call-ID: " + n + "-bench@127.0.0.1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:callee@127.0.0.1:5070;transport=UDP>\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + SDP.length() + "\r\n\r\n" + SDP;
    }
}
