#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Write Linux initramfs archives in the cpio "newc" format (stdlib only).

The writer never looks at the owner, group or time stamp of the files it
packs: every entry belongs to root, has mtime 0 and inode numbers are given
in order, so the same tree always yields the same bytes.  Device nodes are
described in memory, so no root privileges are needed to build an initramfs
that contains /dev/console.

Used two ways:
  * as a program by build-initramfs.sh:
        cpio_newc.py STAGEDIR OUT.cpio.gz
    packs STAGEDIR (sorted, parents first), adds /dev and /dev/console, and
    gzips the result;
  * as a module by run-guest.py, which appends a small uncompressed archive
    holding the guest commands to an existing initrd.
"""

import gzip
import os
import stat
import sys

NEWC_MAGIC = b"070701"


class NewcWriter:
    """Collects entries and renders them as one newc archive."""

    def __init__(self):
        self._chunks = []
        self._ino = 1
        self._seen = set()

    @staticmethod
    def _pad4(length):
        return (4 - length % 4) % 4

    def _entry(self, name, mode, data=b"", rdev=(0, 0), nlink=1):
        name = name.strip("/")
        if not name:
            return
        if name in self._seen:
            raise ValueError("duplicate cpio entry: " + name)
        self._seen.add(name)
        encoded = name.encode() + b"\0"
        fields = [
            self._ino,      # c_ino
            mode,           # c_mode
            0,              # c_uid
            0,              # c_gid
            nlink,          # c_nlink
            0,              # c_mtime
            len(data),      # c_filesize
            0,              # c_devmajor
            0,              # c_devminor
            rdev[0],        # c_rdevmajor
            rdev[1],        # c_rdevminor
            len(encoded),   # c_namesize
            0,              # c_check
        ]
        self._ino += 1
        header = NEWC_MAGIC + b"".join(b"%08X" % f for f in fields)
        self._chunks.append(header)
        self._chunks.append(encoded)
        self._chunks.append(b"\0" * self._pad4(len(header) + len(encoded)))
        self._chunks.append(data)
        self._chunks.append(b"\0" * self._pad4(len(data)))

    def directory(self, name, perm=0o755):
        self._entry(name, stat.S_IFDIR | perm, nlink=2)

    def file(self, name, data, perm=0o644):
        self._entry(name, stat.S_IFREG | perm, data)

    def symlink(self, name, target):
        self._entry(name, stat.S_IFLNK | 0o777, target.encode())

    def chardev(self, name, major, minor, perm=0o600):
        self._entry(name, stat.S_IFCHR | perm, rdev=(major, minor))

    def has(self, name):
        return name.strip("/") in self._seen

    def add_tree(self, root):
        """Add every file below root, parents before children, sorted."""
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            rel_dir = os.path.relpath(dirpath, root)
            if rel_dir != ".":
                self.directory(rel_dir, stat.S_IMODE(os.lstat(dirpath).st_mode))
            for fname in sorted(filenames + [d for d in dirnames
                                             if os.path.islink(os.path.join(dirpath, d))]):
                path = os.path.join(dirpath, fname)
                rel = os.path.normpath(os.path.join(rel_dir, fname))
                st = os.lstat(path)
                if stat.S_ISLNK(st.st_mode):
                    self.symlink(rel, os.readlink(path))
                elif stat.S_ISREG(st.st_mode):
                    with open(path, "rb") as handle:
                        self.file(rel, handle.read(), stat.S_IMODE(st.st_mode))
                else:
                    raise ValueError("unsupported file type: " + path)
            # symlinks to directories were packed as links: do not descend
            dirnames[:] = [d for d in dirnames
                           if not os.path.islink(os.path.join(dirpath, d))]

    def render(self):
        trailer = NewcWriter()
        trailer._ino = 0
        trailer._entry("TRAILER!!!", 0, nlink=1)
        return b"".join(self._chunks) + b"".join(trailer._chunks)


def append_archive(initrd_bytes, archive_bytes):
    """Concatenate an uncompressed newc archive after an existing initrd.

    Linux unpacks concatenated archives; an uncompressed one must start at
    a 4-byte aligned offset, the zero bytes in between are skipped."""
    pad = b"\0" * NewcWriter._pad4(len(initrd_bytes))
    return initrd_bytes + pad + archive_bytes


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: cpio_newc.py STAGEDIR OUT.cpio.gz\n")
        return 2
    stage, out = argv[1], argv[2]
    writer = NewcWriter()
    if not os.path.isdir(os.path.join(stage, "dev")):
        writer.directory("dev")
    writer.add_tree(stage)
    if not writer.has("dev/console"):
        writer.chardev("dev/console", 5, 1)
    data = writer.render()
    tmp = out + ".tmp"
    with open(tmp, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                           compresslevel=6, mtime=0) as gz:
            gz.write(data)
    os.replace(tmp, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
