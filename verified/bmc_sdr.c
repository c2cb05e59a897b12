/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Storage commands (NetFn 0Ah): the SDR repository (section 33). Layouts, length and
 * range checks are generated from spec/commands-storage.yaml; the repository itself is
 * verified/sdr.c. These handlers check reservations, record ids, offsets and lengths
 * and decide the answers. The repository's times are the SEL's clock (as upstream's).
 */
#include "bmc.h"
#include "cmd_storage.h"

#include "bytes.h"
#include "sdr.h"
#include "sel.h"

/* Get SDR Repository Info's operation support (section 33.9): non-modal updates (bits
   6:5 = 01b: no update mode to enter), Delete SDR, Partial Add SDR, Reserve SDR
   Repository, Get SDR Repository Allocation Info; bit 7 is the overflow flag. */
#define SDR_SUPPORT_OVERFLOW 0x80
#define SDR_SUPPORT_NON_MODAL 0x20
#define SDR_SUPPORT_DELETE 0x08
#define SDR_SUPPORT_PARTIAL_ADD 0x04
#define SDR_SUPPORT_RESERVE 0x02
#define SDR_SUPPORT_ALLOCATION_INFO 0x01

/* Get SDR Repository Allocation Info (section 33.10): records are packed byte by byte;
   the unit is 2 bytes so that the largest record, 260 bytes, is 130 units and fits the
   answer's byte. Free space is counted down to whole units. */
#define SDR_UNIT_SIZE 2

/* Get SDR's bytes to read for "the whole record" (section 33.12). */
#define SDR_READ_ALL 0xff

/* Partial Add SDR's in-progress byte (section 33.13). */
#define SDR_PARTIAL_LAST 0x01

/* Clear SDR Repository's operations and answer (section 33.15). */
#define SDR_CLEAR_INITIATE 0xaa
#define SDR_CLEAR_GET_STATUS 0x00
#define SDR_ERASURE_COMPLETED 0x01

/*@
  ensures rsp->version == SDR_VERSION;
  ensures rsp->record_count == b->state.sdr.count;
*/
uint8_t storage_get_sdr_repository_info(struct bmc *b, struct bmc_call *call,
                                        struct storage_get_sdr_repository_info_rsp *rsp)
{
    const struct sdr *r = &b->state.sdr;

    (void)call;
    rsp->version = SDR_VERSION;
    rsp->record_count = (uint16_t)sdr_count(r);
    rsp->free_space = (uint16_t)sdr_free(r);
    rsp->last_add_time = r->last_add;
    rsp->last_erase_time = r->last_erase;
    rsp->operation_support =
        (uint8_t)((r->overflow ? SDR_SUPPORT_OVERFLOW : 0) | SDR_SUPPORT_NON_MODAL |
                  SDR_SUPPORT_DELETE | SDR_SUPPORT_PARTIAL_ADD | SDR_SUPPORT_RESERVE |
                  SDR_SUPPORT_ALLOCATION_INFO);
    return IPMI_CC_SUCCESS;
}

/*@
  ensures rsp->units == SDR_POOL_SIZE / SDR_UNIT_SIZE && rsp->unit_size == SDR_UNIT_SIZE;
*/
uint8_t storage_get_sdr_repository_allocation_info(
    struct bmc *b, struct bmc_call *call,
    struct storage_get_sdr_repository_allocation_info_rsp *rsp)
{
    uint16_t free_units = (uint16_t)(sdr_free(&b->state.sdr) / SDR_UNIT_SIZE);

    (void)call;
    rsp->units = SDR_POOL_SIZE / SDR_UNIT_SIZE;
    rsp->unit_size = SDR_UNIT_SIZE;
    rsp->free_units = free_units;
    rsp->largest_free = free_units; /* packed: the free space is one block */
    rsp->max_record_size = SDR_RECORD_MAX / SDR_UNIT_SIZE;
    return IPMI_CC_SUCCESS;
}

/*@
  ensures rsp->reservation != 0;
  ensures sdr_reservation_holds(&b->state.sdr, rsp->reservation);
*/
uint8_t storage_reserve_sdr_repository(struct bmc *b, struct bmc_call *call,
                                       struct storage_reserve_sdr_repository_rsp *rsp)
{
    (void)call;
    rsp->reservation = sdr_reserve(&b->state.sdr);
    return IPMI_CC_SUCCESS;
}

/*
 * A read from offset 0 needs no reservation; any other needs the one that holds
 * (section 33.12). A read stops at the end of the record; one that starts at or past
 * it is out of range, one that does not fit the caller's buffer cannot be returned.
 * Reading changes nothing.
 */
uint8_t storage_get_sdr(struct bmc *b, struct bmc_call *call,
                        const struct storage_get_sdr_req *req,
                        struct storage_get_sdr_rsp *rsp, size_t room)
{
    const struct sdr *r = &b->state.sdr;
    size_t index;
    size_t len;
    size_t n;

    (void)call;
    if (req->offset != 0 && !sdr_reservation_ok(r, req->reservation)) {
        return IPMI_CC_RESERVATION_INVALID;
    }
    index = sdr_find(r, req->record_id);
    if (index >= sdr_count(r)) {
        return IPMI_CC_NOT_PRESENT;
    }
    len = sdr_len_at(r, index);
    if (req->offset >= len) {
        return IPMI_CC_PARAMETER_OUT_OF_RANGE;
    }
    n = len - req->offset;
    if (req->bytes_to_read != SDR_READ_ALL && req->bytes_to_read < n) {
        n = req->bytes_to_read;
    }
    if (n > room) {
        return IPMI_CC_CANNOT_RETURN_BYTES;
    }
    rsp->next_record_id = index + 1 < sdr_count(r) ? sdr_id_at(r, index + 1) : SDR_LAST_ID;
    bytes_copy(rsp->data, &r->pool[(size_t)r->start[index] + req->offset], n);
    rsp->data_len = n;
    return IPMI_CC_SUCCESS;
}

/* The record's length byte must say how long it is (section 43.1). */
/*@
  ensures \result == IPMI_CC_SUCCESS ==> b->state.sdr.count == \old(b->state.sdr.count) + 1;
  ensures \result == IPMI_CC_OUT_OF_SPACE ==> b->state.sdr.overflow;
*/
uint8_t storage_add_sdr(struct bmc *b, struct bmc_call *call,
                        const struct storage_add_sdr_req *req,
                        struct storage_add_sdr_rsp *rsp)
{
    uint16_t id;

    if ((size_t)req->record[SDR_LENGTH_BYTE] + SDR_HEADER_LEN != req->record_len) {
        return IPMI_CC_INVALID_DATA_FIELD;
    }
    if (!sdr_add(&b->state.sdr, sel_time(&b->state.sel, call->now), req->record,
                 req->record_len, &id)) {
        return IPMI_CC_OUT_OF_SPACE;
    }
    rsp->record_id = id;
    return IPMI_CC_SUCCESS;
}

/*
 * The answer to a part taken: the id the record will have; after the last part the
 * record is complete, and is added.
 */
/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires sdr_pending(&b->state.sdr);
  requires last ==> b->state.sdr.pending_len == b->state.sdr.pending_total;
  assigns b->state.sdr, rsp->record_id;
  ensures bmc_valid(b);
*/
static void sdr_partial_answer(struct bmc *b, struct bmc_call *call, bool last,
                               struct storage_partial_add_sdr_rsp *rsp)
{
    if (last) {
        rsp->record_id = sdr_partial_commit(&b->state.sdr,
                                            sel_time(&b->state.sel, call->now));
    } else {
        rsp->record_id = b->state.sdr.next_id;
    }
}

/*
 * A new record's first part (Partial Add SDR at offset 0): record id 0000h, the whole
 * header and no more than the header says; marked last, all of the record.
 */
/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires req->data_len <= 260 && req->in_progress <= SDR_PARTIAL_LAST;
  requires \valid(rsp) && \separated(b, call, rsp) && \separated(req, rsp);
  assigns b->state.sdr, rsp->record_id;
  ensures bmc_valid(b);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_INVALID_DATA_FIELD
          || \result == IPMI_CC_SDR_LENGTH_MISMATCH || \result == IPMI_CC_OUT_OF_SPACE;
*/
static uint8_t sdr_partial_first(struct bmc *b, struct bmc_call *call,
                                 const struct storage_partial_add_sdr_req *req,
                                 struct storage_partial_add_sdr_rsp *rsp)
{
    struct sdr *r = &b->state.sdr;
    size_t total;

    if (req->record_id != 0 || req->data_len < SDR_HEADER_LEN) {
        return IPMI_CC_INVALID_DATA_FIELD;
    }
    total = (size_t)req->data[SDR_LENGTH_BYTE] + SDR_HEADER_LEN;
    if (req->data_len > total ||
        (req->in_progress == SDR_PARTIAL_LAST && req->data_len != total)) {
        return IPMI_CC_SDR_LENGTH_MISMATCH;
    }
    if (!sdr_partial_start(r, req->data, req->data_len)) {
        return IPMI_CC_OUT_OF_SPACE;
    }
    sdr_partial_answer(b, call, req->in_progress == SDR_PARTIAL_LAST, rsp);
    return IPMI_CC_SUCCESS;
}

/*
 * A later part: the id the first part was answered with, starting where the last
 * part ended, within the record; marked last, ending it.
 */
/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires req->data_len <= 260 && req->in_progress <= SDR_PARTIAL_LAST;
  requires \valid(rsp) && \separated(b, call, rsp) && \separated(req, rsp);
  assigns b->state.sdr, rsp->record_id;
  ensures bmc_valid(b);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_INVALID_DATA_FIELD
          || \result == IPMI_CC_SDR_LENGTH_MISMATCH;
*/
static uint8_t sdr_partial_next(struct bmc *b, struct bmc_call *call,
                                const struct storage_partial_add_sdr_req *req,
                                struct storage_partial_add_sdr_rsp *rsp)
{
    struct sdr *r = &b->state.sdr;

    if (r->pending_total == 0 || req->record_id != r->next_id ||
        req->offset != r->pending_len) {
        return IPMI_CC_INVALID_DATA_FIELD;
    }
    if (r->pending_len + req->data_len > (size_t)r->pending_total ||
        (req->in_progress == SDR_PARTIAL_LAST &&
         r->pending_len + req->data_len != (size_t)r->pending_total)) {
        return IPMI_CC_SDR_LENGTH_MISMATCH;
    }
    sdr_partial_write(r, req->data, req->data_len);
    sdr_partial_answer(b, call, req->in_progress == SDR_PARTIAL_LAST, rsp);
    return IPMI_CC_SUCCESS;
}

/*
 * Section 33.13, under a reservation: the first part of a new record (offset 0), then
 * the later ones; the part marked last completes the record, which then is added. A
 * part that breaks a rule is refused and the record in progress stays as it was.
 */
uint8_t storage_partial_add_sdr(struct bmc *b, struct bmc_call *call,
                                const struct storage_partial_add_sdr_req *req,
                                struct storage_partial_add_sdr_rsp *rsp)
{
    if (!sdr_reservation_ok(&b->state.sdr, req->reservation)) {
        return IPMI_CC_RESERVATION_INVALID;
    }
    if (req->offset == 0) {
        return sdr_partial_first(b, call, req, rsp);
    }
    return sdr_partial_next(b, call, req, rsp);
}

uint8_t storage_delete_sdr(struct bmc *b, struct bmc_call *call,
                           const struct storage_delete_sdr_req *req,
                           struct storage_delete_sdr_rsp *rsp)
{
    struct sdr *r = &b->state.sdr;
    size_t index;

    if (!sdr_reservation_ok(r, req->reservation)) {
        return IPMI_CC_RESERVATION_INVALID;
    }
    index = sdr_find(r, req->record_id);
    if (index >= sdr_count(r)) {
        return IPMI_CC_NOT_PRESENT;
    }
    rsp->record_id = sdr_id_at(r, index);
    sdr_delete(r, index, sel_time(&b->state.sel, call->now));
    return IPMI_CC_SUCCESS;
}

/* Erasing takes no time here, so it has always completed (section 33.15). */
/*@
  ensures \result == IPMI_CC_SUCCESS ==> rsp->progress == SDR_ERASURE_COMPLETED;
*/
uint8_t storage_clear_sdr_repository(struct bmc *b, struct bmc_call *call,
                                     const struct storage_clear_sdr_repository_req *req,
                                     struct storage_clear_sdr_repository_rsp *rsp)
{
    struct sdr *r = &b->state.sdr;

    if (!sdr_reservation_ok(r, req->reservation)) {
        return IPMI_CC_RESERVATION_INVALID;
    }
    if (req->clr[0] != 'C' || req->clr[1] != 'L' || req->clr[2] != 'R') {
        return IPMI_CC_INVALID_DATA_FIELD;
    }
    if (req->operation == SDR_CLEAR_INITIATE) {
        sdr_clear(r, sel_time(&b->state.sel, call->now));
    } else if (req->operation != SDR_CLEAR_GET_STATUS) {
        return IPMI_CC_INVALID_DATA_FIELD;
    }
    rsp->progress = SDR_ERASURE_COMPLETED;
    return IPMI_CC_SUCCESS;
}

void bmc_define_sensors(struct bmc *b)
{
    const struct sdr *r = &b->state.sdr;
    size_t i;

    /*@
      loop invariant 0 <= i <= r->count;
      loop assigns i, b->state.sensors.s[0 .. SENSOR_COUNT - 1];
      loop variant r->count - i;
    */
    for (i = 0; i < (size_t)r->count; i++) {
        size_t len = sdr_len_at(r, i);

        (void)sensor_define_from_sdr(&b->state.sensors, r->pool + r->start[i], len);
    }
}
