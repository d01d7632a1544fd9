"""tuspy (the reference Python client) against a tus server: every chunk carries
`Upload-Checksum: sha1 ...`; the honest upload must be accepted, a tampered one refused with 460.

usage: python3 tuspy_checksum.py ENDPOINT FILE
prints: "good URL" then "bad STATUS URL"
"""
import hashlib
import os
import sys

from tusclient import client
from tusclient.exceptions import TusCommunicationError
from tusclient.uploader import Uploader

endpoint, path = sys.argv[1:3]
size = os.path.getsize(path)
tus = client.TusClient(endpoint)

good = tus.uploader(path, chunk_size=1 << 20, upload_checksum=True)
good.upload()
assert good.offset == size, (good.offset, size)
print("good", good.url, flush=True)


class Tampered(Uploader):
    """Sends a sha1 of something other than the chunk."""

    CHECKSUM_ALGORITHM_PAIR = ("sha1", lambda data: hashlib.sha1(data + b"tampered"))


bad = Tampered(path, client=tus, chunk_size=1 << 20, upload_checksum=True, retries=0)
try:
    bad.upload()
except TusCommunicationError as e:
    print("bad", e.status_code, bad.url, flush=True)
else:
    sys.exit("a tampered checksum was accepted")
