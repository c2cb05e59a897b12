/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The FRU inventory (IPMI 2.0 section 34): FRU devices 0 .. devices - 1, each an area
 * of area_size bytes, one after the other in a fixed array, as upstream lays them out
 * (its frudatafile may fill several). The contents are the host's to write (Write FRU
 * Data) and read; the BMC does not look into them.
 *
 * No invariant: fru_area() checks at each use that a device's area lies inside the
 * array, so every read and write is in bounds whatever area_size and devices hold
 * (as the SEL takes at most BMC_SEL_CAPACITY records as in use). A migration stream
 * is refused all the same when its geometry is one no frudatafile gives.
 */
#ifndef FRU_H
#define FRU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BMC_FRU_MAX 8192           /* bytes of FRU data in all: fruareasize at most */
#define FRU_DEFAULT_AREA_SIZE 1024 /* ipmi-bmc-sim's fruareasize default */

struct fru {
    uint8_t data[BMC_FRU_MAX];
    uint16_t area_size;        /* bytes of each device's area */
    uint16_t devices;          /* FRU device ids 0 .. devices - 1 */
};

/* One FRU device, id 0, of FRU_DEFAULT_AREA_SIZE zero bytes (upstream's default). */
/*@
  requires \valid(f);
  assigns *f;
  ensures f->devices == 1 && f->area_size == FRU_DEFAULT_AREA_SIZE;
*/
void fru_init(struct fru *f);

/* Where FRU device `id`'s area is in f->data: false if there is no such device. */
/*@
  requires \valid_read(f) && \valid(base) && \valid(size) && \separated(f, base, size);
  assigns *base, *size;
  ensures \result != 0 ==> id < f->devices && *size == f->area_size && 1 <= *size
          && *base + *size <= BMC_FRU_MAX;
  ensures \result == 0 ==> (id >= f->devices || f->area_size == 0
          || (id + 1) * f->area_size > BMC_FRU_MAX);
*/
bool fru_area(const struct fru *f, uint8_t id, size_t *base, size_t *size);

/*
 * Whether a FRU inventory from outside (a migration stream) is one fru_load can have
 * made: at least one device, areas of at least a byte, all inside the array.
 */
/*@
  requires \valid_read(f);
  assigns \nothing;
  ensures \result != 0 ==> 1 <= f->devices && 1 <= f->area_size
          && f->devices * f->area_size <= BMC_FRU_MAX;
*/
bool fru_consistent(const struct fru *f);

/* What is wrong with fruareasize or a frudatafile (fru_load). */
enum fru_load_error {
    FRU_LOAD_OK,
    FRU_LOAD_AREA_ZERO,        /* fruareasize 0 (upstream divides by it) */
    FRU_LOAD_AREA_TOO_BIG,     /* fruareasize above BMC_FRU_MAX */
    FRU_LOAD_FILE_TOO_BIG,     /* the file, in whole areas, is more than BMC_FRU_MAX bytes */
};

/*
 * The FRU devices for fruareasize `area_size` and a frudatafile's `len` bytes, as
 * upstream's ipmi_fru_init makes them: the file fills as many areas as it needs (the
 * last padded with zeros), each a FRU device; an empty file, or none (len 0), gives
 * one device of zeros. On error nothing changes.
 */
/*@
  requires \valid(f) && \valid_read(file + (0 .. len - 1));
  requires \separated(f, file + (0 .. len - 1));
  assigns *f;
  ensures \result == FRU_LOAD_OK || \result == FRU_LOAD_AREA_ZERO
          || \result == FRU_LOAD_AREA_TOO_BIG || \result == FRU_LOAD_FILE_TOO_BIG;
  ensures \result == FRU_LOAD_OK ==> f->area_size == area_size && f->devices >= 1;
  ensures area_size == 0 ==> \result == FRU_LOAD_AREA_ZERO;
  ensures area_size > BMC_FRU_MAX ==> \result == FRU_LOAD_AREA_TOO_BIG;
  ensures \result != FRU_LOAD_OK ==> f->area_size == \old(f->area_size)
          && f->devices == \old(f->devices);
*/
enum fru_load_error fru_load(struct fru *f, size_t area_size, const uint8_t *file, size_t len);

#endif /* FRU_H */
