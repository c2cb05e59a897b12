/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Storage commands (NetFn 0Ah): the FRU inventory (section 34). Layouts and length
 * checks are generated from spec/commands-storage.yaml; the FRU areas are
 * verified/fru.c. A device id with no FRU device is not present; an offset at or past
 * the end of the area is out of range; a read or write that runs past the end stops
 * there (as upstream's), and a read also where the caller's buffer ends.
 */
#include "bmc.h"
#include "cmd_storage.h"

#include "bytes.h"
#include "fru.h"

/* Get FRU Inventory Area Info's access byte (section 34.1): by bytes. */
#define FRU_ACCESS_BYTES 0x00

/*@
  ensures \result == IPMI_CC_SUCCESS ==> rsp->area_size == b->state.fru.area_size;
*/
uint8_t storage_get_fru_inventory_area_info(
    struct bmc *b, struct bmc_call *call,
    const struct storage_get_fru_inventory_area_info_req *req,
    struct storage_get_fru_inventory_area_info_rsp *rsp)
{
    size_t base;
    size_t size;

    (void)call;
    if (!fru_area(&b->state.fru, req->device_id, &base, &size)) {
        return IPMI_CC_NOT_PRESENT;
    }
    rsp->area_size = (uint16_t)size;
    rsp->access = FRU_ACCESS_BYTES;
    return IPMI_CC_SUCCESS;
}

/*
 * Where a read or write at `offset` of FRU device `id` begins in the FRU data, and the
 * bytes from there to the end of the area: CBh for no such device, C9h for an offset
 * at or past the end.
 */
/*@
  requires \valid_read(f) && \valid(at) && \valid(left) && \separated(f, at, left);
  assigns *at, *left;
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT
          || \result == IPMI_CC_PARAMETER_OUT_OF_RANGE;
  ensures \result == IPMI_CC_SUCCESS ==> 1 <= *left && *at + *left <= BMC_FRU_MAX;
*/
static uint8_t fru_at(const struct fru *f, uint8_t id, uint16_t offset, size_t *at,
                      size_t *left)
{
    size_t base;
    size_t size;

    if (!fru_area(f, id, &base, &size)) {
        return IPMI_CC_NOT_PRESENT;
    }
    if (offset >= size) {
        return IPMI_CC_PARAMETER_OUT_OF_RANGE;
    }
    *at = base + offset;
    *left = size - offset;
    return IPMI_CC_SUCCESS;
}

/*@
  ensures \result == IPMI_CC_SUCCESS ==> rsp->count == rsp->data_len
          && rsp->data_len <= req->count;
*/
uint8_t storage_read_fru_data(struct bmc *b, struct bmc_call *call,
                              const struct storage_read_fru_data_req *req,
                              struct storage_read_fru_data_rsp *rsp, size_t room)
{
    const struct fru *f = &b->state.fru;
    size_t at;
    size_t n;
    uint8_t cc;

    (void)call;
    cc = fru_at(f, req->device_id, req->offset, &at, &n);
    if (cc != IPMI_CC_SUCCESS) {
        return cc;
    }
    if (req->count < n) {
        n = req->count;
    }
    if (room < n) {
        n = room;
    }
    bytes_copy(rsp->data, &f->data[at], n);
    rsp->data_len = n;
    rsp->count = (uint8_t)n;
    return IPMI_CC_SUCCESS;
}

/*@
  ensures \result == IPMI_CC_SUCCESS ==> rsp->count <= req->data_len;
*/
uint8_t storage_write_fru_data(struct bmc *b, struct bmc_call *call,
                               const struct storage_write_fru_data_req *req,
                               struct storage_write_fru_data_rsp *rsp)
{
    struct fru *f = &b->state.fru;
    size_t at;
    size_t n;
    uint8_t cc;

    (void)call;
    cc = fru_at(f, req->device_id, req->offset, &at, &n);
    if (cc != IPMI_CC_SUCCESS) {
        return cc;
    }
    if (req->data_len < n) {
        n = req->data_len;
    }
    bytes_copy(&f->data[at], req->data, n);
    rsp->count = (uint8_t)n;
    return IPMI_CC_SUCCESS;
}
