#!/usr/bin/env python3
"""Writes the RTP captures the SIPp interop scenarios replay with play_pcap_audio.

Why our own: the captures shipped with sip-tester share one SSRC, sequence range and
timestamp, so several of them played in a row look like one repeated event to a strict
RFC 4733 receiver. Each capture written here is one RTP stream: one SSRC, continuous
sequence numbers and timestamps, audio and events interleaved the way a phone sends them.

Usage:
  make_pcap.py rfc4733 OUT.pcap --digits 11 [--pt 101] [--lead-ms 6000] [--gap-ms 2500]
  make_pcap.py inband  OUT.pcap --digits 11 [--lead-ms 6000] [--gap-ms 2500]
  make_pcap.py audio   OUT.pcap --seconds 30 [--codec pcmu|pcma]
  make_pcap.py all DIR             (writes every capture the scenarios in tests/sipp use)
Python 3 standard library only.
"""
import argparse
import math
import os
import struct
import sys

SAMPLE_RATE = 8000
FRAME_SAMPLES = 160  # 20 ms
FRAME_MS = 20
SSRC = 0x5641_4B41  # "VAKA": any fixed value; one per capture is what matters
SRC_IP = bytes([127, 0, 0, 1])
DST_IP = bytes([127, 0, 0, 1])
SRC_PORT = 6000
DST_PORT = 6002

DTMF_FREQS = {
    "1": (697, 1209), "2": (697, 1336), "3": (697, 1477), "A": (697, 1633),
    "4": (770, 1209), "5": (770, 1336), "6": (770, 1477), "B": (770, 1633),
    "7": (852, 1209), "8": (852, 1336), "9": (852, 1477), "C": (852, 1633),
    "*": (941, 1209), "0": (941, 1336), "#": (941, 1477), "D": (941, 1633),
}
EVENT_CODES = {**{str(d): d for d in range(10)}, "*": 10, "#": 11, "A": 12, "B": 13, "C": 14, "D": 15}


def ulaw_encode(sample: int) -> int:
    """G.711 mu-law (ITU-T G.711 with the usual 0x84 bias and 14-bit clip)."""
    bias, clip = 0x84, 32635
    sign = 0x80 if sample < 0 else 0
    if sample < 0:
        sample = -sample
    sample = min(sample, clip) + bias
    exponent = 7
    mask = 0x4000
    while exponent > 0 and not (sample & mask):
        exponent -= 1
        mask >>= 1
    mantissa = (sample >> (exponent + 3)) & 0x0F
    return ~(sign | (exponent << 4) | mantissa) & 0xFF


def alaw_encode(sample: int) -> int:
    """G.711 A-law from a 16-bit sample (13-bit magnitude, even bits inverted)."""
    sign = 0x80 if sample >= 0 else 0
    if sample < 0:
        sample = -sample - 1 if sample > -32768 else 32767
    sample >>= 3
    if sample < 32:
        code = sample >> 1
    else:
        exponent = 1
        while sample >= 64 and exponent < 7:
            sample >>= 1
            exponent += 1
        code = (exponent << 4) | ((sample >> 1) & 0x0F)
    return (sign | code) ^ 0x55


class RtpStream:
    """One RTP stream written as Ethernet/IPv4/UDP frames into a classic pcap file."""

    def __init__(self, path: str):
        self.out = open(path, "wb")
        # Classic pcap, microsecond timestamps, Ethernet link type: what SIPp's reader accepts.
        self.out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        self.seq = 1000
        self.ts = 8000
        self.time_us = 1_700_000_000 * 1_000_000  # fixed epoch: reproducible files
        self.ip_id = 1

    def close(self):
        self.out.close()

    def _write(self, payload_type: int, marker: bool, timestamp: int, payload: bytes):
        rtp = struct.pack("!BBHII", 0x80, (0x80 if marker else 0) | payload_type,
                          self.seq & 0xFFFF, timestamp & 0xFFFFFFFF, SSRC) + payload
        self.seq += 1
        udp = struct.pack("!HHHH", SRC_PORT, DST_PORT, 8 + len(rtp), 0) + rtp
        ip_header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), self.ip_id & 0xFFFF,
                                0x4000, 64, 17, 0, SRC_IP, DST_IP)
        ip_header = ip_header[:10] + struct.pack("!H", _ip_checksum(ip_header)) + ip_header[12:]
        self.ip_id += 1
        frame = b"\x00" * 6 + b"\x00" * 6 + b"\x08\x00" + ip_header + udp
        sec, usec = divmod(self.time_us, 1_000_000)
        self.out.write(struct.pack("<IIII", sec, usec, len(frame), len(frame)) + frame)

    def audio(self, payload_type: int, frame: bytes, marker: bool = False):
        self._write(payload_type, marker, self.ts, frame)
        self.ts += FRAME_SAMPLES
        self.time_us += FRAME_MS * 1000

    def event(self, payload_type: int, digit: str, duration_ms: int, volume: int = 10):
        """RFC 4733: one timestamp for the event, growing duration, three end packets."""
        code = EVENT_CODES[digit]
        start_ts = self.ts
        packets = max(1, duration_ms // FRAME_MS)
        for i in range(packets):
            duration = (i + 1) * FRAME_SAMPLES
            self._write(payload_type, i == 0, start_ts, struct.pack("!BBH", code, volume & 0x3F, duration))
            self.time_us += FRAME_MS * 1000
        final = packets * FRAME_SAMPLES
        for _ in range(3):
            # End packets repeat the final duration (20 ms apart, as phones send them): a
            # receiver must count the digit once.
            self._write(payload_type, False, start_ts, struct.pack("!BBH", code, 0x80 | (volume & 0x3F), final))
            self.time_us += FRAME_MS * 1000
        # Audio resumes on the media clock: the timestamp covers the wall time the event took.
        self.ts = start_ts + (packets + 3) * FRAME_SAMPLES


def _ip_checksum(header: bytes) -> int:
    total = 0
    for i in range(0, len(header), 2):
        total += (header[i] << 8) | header[i + 1]
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def silence_frame(encode) -> bytes:
    return bytes([encode(0)]) * FRAME_SAMPLES


def tone_frames(encode, freqs, duration_ms, start_sample, level_dbfs=-10.0):
    """Dual tone at level_dbfs per component (each tone ~ -10 dBFS: well inside detector range)."""
    amplitude = 32767 * (10 ** (level_dbfs / 20.0))
    count = duration_ms * SAMPLE_RATE // 1000
    frames = []
    for f in range(0, count, FRAME_SAMPLES):
        frame = bytearray()
        for n in range(f, f + FRAME_SAMPLES):
            t = (start_sample + n) / SAMPLE_RATE
            value = sum(amplitude * math.sin(2 * math.pi * hz * t) for hz in freqs)
            frame.append(encode(int(max(-32768, min(32767, round(value))))))
        frames.append(bytes(frame))
    return frames


def speech_like_frames(encode, seconds):
    """A wandering two-tone signal away from DTMF frequencies: keeps RTP flowing with energy."""
    frames = []
    total = seconds * SAMPLE_RATE
    for f in range(0, total, FRAME_SAMPLES):
        frame = bytearray()
        for n in range(f, f + FRAME_SAMPLES):
            t = n / SAMPLE_RATE
            value = 3000 * math.sin(2 * math.pi * 440 * t) + 1500 * math.sin(2 * math.pi * 523 * t)
            frame.append(encode(int(value)))
        frames.append(bytes(frame))
    return frames


def write_rfc4733(path, digits, pt, lead_ms, gap_ms, event_ms=100, tail_ms=1000):
    stream = RtpStream(path)
    silence = silence_frame(ulaw_encode)
    stream.audio(0, silence, marker=True)
    for _ in range(lead_ms // FRAME_MS - 1):
        stream.audio(0, silence)
    for index, digit in enumerate(digits):
        if index > 0:
            for _ in range(gap_ms // FRAME_MS):
                stream.audio(0, silence)
        stream.event(pt, digit, event_ms)
    for _ in range(tail_ms // FRAME_MS):
        stream.audio(0, silence)
    stream.close()


def write_inband(path, digits, lead_ms, gap_ms, tone_ms=120, tail_ms=1000):
    stream = RtpStream(path)
    silence = silence_frame(ulaw_encode)
    stream.audio(0, silence, marker=True)
    for _ in range(lead_ms // FRAME_MS - 1):
        stream.audio(0, silence)
    for index, digit in enumerate(digits):
        if index > 0:
            for _ in range(gap_ms // FRAME_MS):
                stream.audio(0, silence)
        for frame in tone_frames(ulaw_encode, DTMF_FREQS[digit], tone_ms, stream.ts):
            stream.audio(0, frame)
    for _ in range(tail_ms // FRAME_MS):
        stream.audio(0, silence)
    stream.close()


def write_audio(path, seconds, codec):
    encode, pt = (ulaw_encode, 0) if codec == "pcmu" else (alaw_encode, 8)
    stream = RtpStream(path)
    for i, frame in enumerate(speech_like_frames(encode, seconds)):
        stream.audio(pt, frame, marker=(i == 0))
    stream.close()


def write_all(directory):
    os.makedirs(directory, exist_ok=True)
    # Digits start 6 s into the call: after `welcome`, while `main-menu` plays (barge-in counts).
    write_rfc4733(os.path.join(directory, "dtmf_rfc4733_pt101_11.pcap"), "11", 101, 6000, 2500)
    write_rfc4733(os.path.join(directory, "dtmf_rfc4733_pt96_11.pcap"), "11", 96, 6000, 2500)
    write_rfc4733(os.path.join(directory, "dtmf_rfc4733_pt101_1.pcap"), "1", 101, 6000, 2500)
    write_inband(os.path.join(directory, "dtmf_inband_pcmu_11.pcap"), "11", 6000, 2500)
    write_audio(os.path.join(directory, "audio_pcmu_30s.pcap"), 30, "pcmu")
    write_audio(os.path.join(directory, "audio_pcma_10s.pcap"), 10, "pcma")
    # Two seconds of speech, then nothing: the dead-call scenario's caller that vanishes.
    write_audio(os.path.join(directory, "audio_pcmu_2s.pcap"), 2, "pcmu")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=["rfc4733", "inband", "audio", "all"])
    parser.add_argument("out")
    parser.add_argument("--digits", default="11")
    parser.add_argument("--pt", type=int, default=101)
    parser.add_argument("--lead-ms", type=int, default=6000)
    parser.add_argument("--gap-ms", type=int, default=2500)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--codec", choices=["pcmu", "pcma"], default="pcmu")
    args = parser.parse_args(argv)
    if args.kind == "rfc4733":
        if not 96 <= args.pt <= 127:
            parser.error("telephone-event payload type must be dynamic (96-127)")
        write_rfc4733(args.out, args.digits, args.pt, args.lead_ms, args.gap_ms)
    elif args.kind == "inband":
        write_inband(args.out, args.digits, args.lead_ms, args.gap_ms)
    elif args.kind == "audio":
        write_audio(args.out, args.seconds, args.codec)
    else:
        write_all(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
