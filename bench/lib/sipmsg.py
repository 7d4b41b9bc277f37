"""SIP requests written by hand for the probes: exactly the bytes an attacker would send, digest
answers (RFC 2617/7616, MD5, qop=auth) and a minimal reading of responses."""
import hashlib
import os
import re


def token(n=10):
    return os.urandom(n).hex()


def request(method, ruri, *, src, dst, transport="UDP", from_uri=None, to_uri=None, to_tag=None,
            call_id=None, cseq=1, max_forwards=70, headers=(), body=b"", branch=None, contact=None):
    """A request as bytes. src and dst are (host, port); max_forwards None leaves the header out;
    the Contact is the source address unless given."""
    host, port = src
    from_uri = from_uri or f"sip:probe@{host}"
    to_uri = to_uri or ruri
    lines = [f"{method} {ruri} SIP/2.0",
             f"Via: SIP/2.0/{transport} {host}:{port};branch=z9hG4bK{branch or token(8)};rport",
             f"From: <{from_uri}>;tag={token(4)}",
             f"To: <{to_uri}>" + (f";tag={to_tag}" if to_tag else ""),
             f"Call-ID: {call_id or token(12)}@{host}",
             f"CSeq: {cseq} {method}"]
    if max_forwards is not None:
        lines.append(f"Max-Forwards: {max_forwards}")
    lines.append(f"Contact: <{contact or f'sip:probe@{host}:{port}'}>")
    lines.extend(headers)
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def status(data):
    """The status code of a response, or None."""
    m = re.match(rb"SIP/2\.0 (\d{3}) ", data)
    return int(m.group(1)) if m else None


def header(data, name):
    """The first value of a header (full name, case-insensitive), or None."""
    m = re.search(rb"(?im)^" + re.escape(name.encode()) + rb"\s*:\s*(.*?)\r?$", data)
    return m.group(1).decode("latin-1") if m else None


def challenge_params(value):
    """The parameters of a Digest challenge as a dict."""
    return {k.lower(): v.strip('"') for k, v in re.findall(r'(\w+)=("[^"]*"|[^,\s]+)', value)}


def digest_authorization(user, password, method, uri, challenge, nc=1, realm=None):
    """An Authorization header value answering a WWW-Authenticate challenge (MD5, qop=auth)."""
    p = challenge_params(challenge)
    realm = realm or p["realm"]
    md5 = lambda s: hashlib.md5(s.encode()).hexdigest()  # noqa: E731
    ha1 = md5(f"{user}:{realm}:{password}")
    ha2 = md5(f"{method}:{uri}")
    cnonce = token(4)
    ncs = f"{nc:08x}"
    resp = md5(f"{ha1}:{p['nonce']}:{ncs}:{cnonce}:auth:{ha2}")
    opaque = f', opaque="{p["opaque"]}"' if "opaque" in p else ""
    return (f'Digest username="{user}", realm="{realm}", nonce="{p["nonce"]}", uri="{uri}", '
            f'response="{resp}", algorithm=MD5, cnonce="{cnonce}", qop=auth, nc={ncs}{opaque}')
