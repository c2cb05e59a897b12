/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Storage commands (NetFn 0Ah): the System Event Log (section 31). Layouts, length and
 * range checks are generated from spec/commands-storage.yaml; the SEL itself is
 * verified/sel.c. These handlers check reservations and record ids and decide the
 * answers.
 */
#include "bmc.h"
#include "cmd_storage.h"

#include "bytes.h"
#include "sel.h"

/* Get SEL Info's version: IPMI 1.5 and 2.0 (section 31.2). */
#define SEL_VERSION 0x51

/* Get SEL Info's operation support bits (section 31.2). */
#define SEL_SUPPORT_OVERFLOW 0x80
#define SEL_SUPPORT_DELETE 0x08
#define SEL_SUPPORT_RESERVE 0x02
#define SEL_SUPPORT_ALLOCATION_INFO 0x01

/* Get SEL Entry's bytes to read for "the whole record" (section 31.5). */
#define SEL_READ_ALL 0xff

/* Clear SEL's operations and answer (section 31.9). */
#define SEL_CLEAR_INITIATE 0xaa
#define SEL_CLEAR_GET_STATUS 0x00
#define SEL_ERASURE_COMPLETED 0x01

/*@
  ensures rsp->version == SEL_VERSION;
  ensures rsp->entries == sel_used_count(&b->state.sel);
*/
uint8_t storage_get_sel_info(struct bmc *b, struct bmc_call *call,
                             struct storage_get_sel_info_rsp *rsp)
{
    const struct sel *s = &b->state.sel;

    (void)call;
    rsp->version = SEL_VERSION;
    rsp->entries = (uint16_t)sel_used(s);
    rsp->free_space = (uint16_t)((BMC_SEL_CAPACITY - sel_used(s)) * SEL_RECORD_LEN);
    rsp->last_add_time = s->last_add;
    rsp->last_erase_time = s->last_erase;
    rsp->operation_support =
        (uint8_t)((s->overflow ? SEL_SUPPORT_OVERFLOW : 0) | SEL_SUPPORT_DELETE |
                  SEL_SUPPORT_RESERVE | SEL_SUPPORT_ALLOCATION_INFO);
    return IPMI_CC_SUCCESS;
}

/* One allocation unit is one record. */
/*@
  ensures rsp->units == BMC_SEL_CAPACITY && rsp->unit_size == SEL_RECORD_LEN;
  ensures rsp->free_units == BMC_SEL_CAPACITY - sel_used_count(&b->state.sel);
*/
uint8_t storage_get_sel_allocation_info(struct bmc *b, struct bmc_call *call,
                                        struct storage_get_sel_allocation_info_rsp *rsp)
{
    uint16_t free_units = (uint16_t)(BMC_SEL_CAPACITY - sel_used(&b->state.sel));

    (void)call;
    rsp->units = BMC_SEL_CAPACITY;
    rsp->unit_size = SEL_RECORD_LEN;
    rsp->free_units = free_units;
    rsp->largest_free = free_units;
    rsp->max_record_size = 1;
    return IPMI_CC_SUCCESS;
}

/*@
  ensures rsp->reservation != 0;
  ensures sel_reservation_holds(&b->state.sel, rsp->reservation);
*/
uint8_t storage_reserve_sel(struct bmc *b, struct bmc_call *call,
                            struct storage_reserve_sel_rsp *rsp)
{
    (void)call;
    rsp->reservation = sel_reserve(&b->state.sel);
    return IPMI_CC_SUCCESS;
}

/*
 * A read from offset 0 may quote reservation 0000h; any other read needs the
 * reservation that holds (section 31.5). Reading nothing changes.
 */
uint8_t storage_get_sel_entry(struct bmc *b, struct bmc_call *call,
                              const struct storage_get_sel_entry_req *req,
                              struct storage_get_sel_entry_rsp *rsp)
{
    const struct sel *s = &b->state.sel;
    size_t index;
    size_t n;

    (void)call;
    if (!(req->reservation == 0 && req->offset == 0) &&
        !sel_reservation_ok(s, req->reservation)) {
        return IPMI_CC_RESERVATION_INVALID;
    }
    index = sel_find(s, req->record_id);
    if (index >= sel_used(s)) {
        return IPMI_CC_NOT_PRESENT;
    }
    if (req->bytes_to_read == SEL_READ_ALL) {
        n = SEL_RECORD_LEN - (size_t)req->offset;
    } else if ((size_t)req->offset + req->bytes_to_read > SEL_RECORD_LEN) {
        return IPMI_CC_INVALID_DATA_FIELD;
    } else {
        n = req->bytes_to_read;
    }
    rsp->next_record_id = index + 1 < sel_used(s) ? sel_id_at(s, index + 1) : SEL_LAST_ID;
    bytes_copy(rsp->data, &s->entries[index][req->offset], n);
    rsp->data_len = n;
    return IPMI_CC_SUCCESS;
}

/*@
  ensures \result == IPMI_CC_SUCCESS <==> \old(b->state.sel.count) < BMC_SEL_CAPACITY;
  ensures \result == IPMI_CC_OUT_OF_SPACE ==> b->state.sel.overflow;
*/
uint8_t storage_add_sel_entry(struct bmc *b, struct bmc_call *call,
                              const struct storage_add_sel_entry_req *req,
                              struct storage_add_sel_entry_rsp *rsp)
{
    uint16_t id;

    if (!sel_add(&b->state.sel, call->now, req->record, &id)) {
        return IPMI_CC_OUT_OF_SPACE;
    }
    rsp->record_id = id;
    return IPMI_CC_SUCCESS;
}

uint8_t storage_delete_sel_entry(struct bmc *b, struct bmc_call *call,
                                 const struct storage_delete_sel_entry_req *req,
                                 struct storage_delete_sel_entry_rsp *rsp)
{
    struct sel *s = &b->state.sel;
    size_t index;

    (void)call;
    if (!sel_reservation_ok(s, req->reservation)) {
        return IPMI_CC_RESERVATION_INVALID;
    }
    index = sel_find(s, req->record_id);
    if (index >= sel_used(s)) {
        return IPMI_CC_NOT_PRESENT;
    }
    rsp->record_id = sel_id_at(s, index);
    sel_delete(s, index);
    return IPMI_CC_SUCCESS;
}

/* Erasing takes no time here, so it has always completed (section 31.9). */
/*@
  ensures \result == IPMI_CC_SUCCESS ==> rsp->progress == SEL_ERASURE_COMPLETED;
*/
uint8_t storage_clear_sel(struct bmc *b, struct bmc_call *call,
                          const struct storage_clear_sel_req *req,
                          struct storage_clear_sel_rsp *rsp)
{
    struct sel *s = &b->state.sel;

    if (!sel_reservation_ok(s, req->reservation)) {
        return IPMI_CC_RESERVATION_INVALID;
    }
    if (req->clr[0] != 'C' || req->clr[1] != 'L' || req->clr[2] != 'R') {
        return IPMI_CC_INVALID_DATA_FIELD;
    }
    if (req->operation == SEL_CLEAR_INITIATE) {
        /* The SEL's own erase time (upstream stamps the SDR's). */
        sel_clear(s, call->now);
    } else if (req->operation != SEL_CLEAR_GET_STATUS) {
        return IPMI_CC_INVALID_DATA_FIELD;
    }
    rsp->progress = SEL_ERASURE_COMPLETED;
    return IPMI_CC_SUCCESS;
}

/*@
  ensures rsp->time == sel_time_at(&b->state.sel, call->now);
*/
uint8_t storage_get_sel_time(struct bmc *b, struct bmc_call *call,
                             struct storage_get_sel_time_rsp *rsp)
{
    rsp->time = sel_time(&b->state.sel, call->now);
    return IPMI_CC_SUCCESS;
}

uint8_t storage_set_sel_time(struct bmc *b, struct bmc_call *call,
                             const struct storage_set_sel_time_req *req)
{
    sel_set_time(&b->state.sel, call->now, req->time);
    return IPMI_CC_SUCCESS;
}
