/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The FRU inventory; see fru.h.
 */
#include "fru.h"

#include "bytes.h"

void fru_init(struct fru *f)
{
    bytes_clear(f->data, BMC_FRU_MAX);
    f->area_size = FRU_DEFAULT_AREA_SIZE;
    f->devices = 1;
}

bool fru_consistent(const struct fru *f)
{
    return f->devices >= 1 && f->area_size >= 1 &&
           (size_t)f->devices * f->area_size <= BMC_FRU_MAX;
}

bool fru_area(const struct fru *f, uint8_t id, size_t *base, size_t *size)
{
    size_t at = (size_t)id * f->area_size;

    if (id >= f->devices || f->area_size == 0 || at + f->area_size > BMC_FRU_MAX) {
        return false;
    }
    *base = at;
    *size = f->area_size;
    return true;
}

enum fru_load_error fru_load(struct fru *f, size_t area_size, const uint8_t *file, size_t len)
{
    size_t devices;

    if (area_size == 0) {
        return FRU_LOAD_AREA_ZERO;
    }
    if (area_size > BMC_FRU_MAX) {
        return FRU_LOAD_AREA_TOO_BIG;
    }
    if (len > BMC_FRU_MAX) {
        return FRU_LOAD_FILE_TOO_BIG;
    }
    devices = len == 0 ? 1 : (len + area_size - 1) / area_size;
    if (devices * area_size > BMC_FRU_MAX) {
        return FRU_LOAD_FILE_TOO_BIG;
    }
    bytes_clear(f->data, BMC_FRU_MAX);
    bytes_copy(f->data, file, len);
    f->area_size = (uint16_t)area_size;
    f->devices = (uint16_t)devices;
    return FRU_LOAD_OK;
}
