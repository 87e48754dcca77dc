#!/usr/bin/env python3
"""Synthesises the console's alert sounds (our own, no samples): 16-bit mono WAV at 22.05 kHz.
Run from this folder to regenerate: python3 make_sounds.py"""
import math
import struct
import wave

RATE = 22050


def tone(freq, ms, volume=0.5, attack=8, release=60):
    n = int(RATE * ms / 1000)
    out = []
    for i in range(n):
        t = i / RATE
        env = min(1.0, i / (RATE * attack / 1000)) * min(1.0, (n - i) / (RATE * release / 1000))
        # A little second harmonic makes it read as a bell rather than a beep.
        s = math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(4 * math.pi * freq * t)
        out.append(volume * env * s / 1.3)
    return out


def silence(ms):
    return [0.0] * int(RATE * ms / 1000)


def write(name, samples):
    with wave.open(name, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1, min(1, s)) * 32000)) for s in samples))


# Order ready: a rising two-note chime.
write("order-ready.wav", tone(880, 180) + silence(30) + tone(1318.5, 320, release=200))
# New order: one short soft tick.
write("new-order.wav", tone(660, 90, volume=0.35, release=50))
# Critical stock alert: three insistent low-high pulses (repeated by the console until acknowledged).
alert = []
for _ in range(3):
    alert += tone(440, 120, volume=0.6, release=20) + tone(587.3, 120, volume=0.6, release=20) + silence(60)
write("stock-critical.wav", alert)
# Low stock (manager notice): a single falling pair.
write("stock-low.wav", tone(784, 140, volume=0.45) + tone(587.3, 220, volume=0.45, release=150))
# Order changed on the counter display (cancelled, moved, items changed, counter closed): a
# falling high-low-high "look here", unlike every other sound.
write("order-changed.wav", tone(1046.5, 110, volume=0.55, release=30) + tone(698.5, 110, volume=0.55, release=30)
      + silence(40) + tone(1046.5, 200, volume=0.55, release=120))
