/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Storage commands (NetFn STORAGE, 0x0a): request and response
 * layouts, and the handlers the BMC core implements for them.
 * IPMI v2.0 rev 1.1, sections 31 to 34.
 *
 * Generated from spec/commands-storage.yaml by generator/ipmigen (template commands.h.j2).
 * Do not edit: change the spec and rebuild.
 */
#ifndef CMD_STORAGE_H
#define CMD_STORAGE_H

#include <stddef.h>
#include <stdint.h>

#include "bmc.h"
#include "ipmi_messages.h"

/* Command codes. */
#define STORAGE_GET_FRU_INVENTORY_AREA_INFO 0x10
#define STORAGE_READ_FRU_DATA 0x11
#define STORAGE_WRITE_FRU_DATA 0x12
#define STORAGE_GET_SDR_REPOSITORY_INFO 0x20
#define STORAGE_GET_SDR_REPOSITORY_ALLOCATION_INFO 0x21
#define STORAGE_RESERVE_SDR_REPOSITORY 0x22
#define STORAGE_GET_SDR 0x23
#define STORAGE_ADD_SDR 0x24
#define STORAGE_PARTIAL_ADD_SDR 0x25
#define STORAGE_DELETE_SDR 0x26
#define STORAGE_CLEAR_SDR_REPOSITORY 0x27
#define STORAGE_GET_SEL_INFO 0x40
#define STORAGE_GET_SEL_ALLOCATION_INFO 0x41
#define STORAGE_RESERVE_SEL 0x42
#define STORAGE_GET_SEL_ENTRY 0x43
#define STORAGE_ADD_SEL_ENTRY 0x44
#define STORAGE_DELETE_SEL_ENTRY 0x46
#define STORAGE_CLEAR_SEL 0x47
#define STORAGE_GET_SEL_TIME 0x48
#define STORAGE_SET_SEL_TIME 0x49

/* The longest response data of this NetFn, completion code excluded. */
#define STORAGE_MAX_RESPONSE 262

/* Get fru inventory area info (section 34.1). */
struct storage_get_fru_inventory_area_info_req {
    uint8_t device_id; /* FRU device id */
};
struct storage_get_fru_inventory_area_info_rsp {
    uint16_t area_size; /* bytes */
    uint8_t access; /* bit 0: 1 = by words, 0 = by bytes */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT;
*/
uint8_t storage_get_fru_inventory_area_info(struct bmc *b, struct bmc_call *call, const struct storage_get_fru_inventory_area_info_req *req, struct storage_get_fru_inventory_area_info_rsp *rsp);

/* Read fru data (section 34.2). */
struct storage_read_fru_data_req {
    uint8_t device_id;
    uint16_t offset; /* bytes into the area */
    uint8_t count; /* bytes to read */
};
struct storage_read_fru_data_rsp {
    uint8_t count; /* bytes read */
    uint8_t data[255]; /* fewer than asked at the end of the area or of the caller's buffer */
    size_t data_len; /* 0 to 255 */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  requires room <= 255;
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT || \result == IPMI_CC_PARAMETER_OUT_OF_RANGE;
  ensures \result == IPMI_CC_SUCCESS ==> rsp->data_len <= room;
*/
uint8_t storage_read_fru_data(struct bmc *b, struct bmc_call *call, const struct storage_read_fru_data_req *req, struct storage_read_fru_data_rsp *rsp, size_t room);

/* Write fru data (section 34.3). */
struct storage_write_fru_data_req {
    uint8_t device_id;
    uint16_t offset; /* bytes into the area */
    uint8_t data[255]; /* what runs past the end of the area is not written */
    size_t data_len; /* 0 to 255 */
};
struct storage_write_fru_data_rsp {
    uint8_t count; /* bytes written */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires 0 <= req->data_len <= 255;
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_NOT_PRESENT || \result == IPMI_CC_PARAMETER_OUT_OF_RANGE;
*/
uint8_t storage_write_fru_data(struct bmc *b, struct bmc_call *call, const struct storage_write_fru_data_req *req, struct storage_write_fru_data_rsp *rsp);

/* Get sdr repository info (section 33.9). */
struct storage_get_sdr_repository_info_rsp {
    uint8_t version; /* 51h: IPMI 1.5 and 2.0 SDR */
    uint16_t record_count;
    uint16_t free_space; /* bytes; 0000h: full */
    uint32_t last_add_time; /* SEL time; FFFFFFFFh: never */
    uint32_t last_erase_time; /* SEL time of the last delete or clear; FFFFFFFFh: never */
    uint8_t operation_support; /* bit 7: overflow; 6:5 01b: non-modal update; 3: Delete SDR; 2: Partial Add SDR; 1: Reserve; 0: Get Allocation Info */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t storage_get_sdr_repository_info(struct bmc *b, struct bmc_call *call, struct storage_get_sdr_repository_info_rsp *rsp);

/* Get sdr repository allocation info (section 33.10). */
struct storage_get_sdr_repository_allocation_info_rsp {
    uint16_t units; /* allocation units in all */
    uint16_t unit_size; /* bytes */
    uint16_t free_units;
    uint16_t largest_free; /* units */
    uint8_t max_record_size; /* units */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t storage_get_sdr_repository_allocation_info(struct bmc *b, struct bmc_call *call, struct storage_get_sdr_repository_allocation_info_rsp *rsp);

/* Reserve sdr repository (section 33.11). */
struct storage_reserve_sdr_repository_rsp {
    uint16_t reservation; /* never 0000h */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t storage_reserve_sdr_repository(struct bmc *b, struct bmc_call *call, struct storage_reserve_sdr_repository_rsp *rsp);

/* Get sdr (section 33.12). */
struct storage_get_sdr_req {
    uint16_t reservation; /* checked only for a read from an offset other than 0 */
    uint16_t record_id; /* 0000h: the first; FFFFh: the last */
    uint8_t offset; /* bytes into the record */
    uint8_t bytes_to_read; /* FFh: to the end of the record; a read stops there anyway */
};
struct storage_get_sdr_rsp {
    uint16_t next_record_id; /* FFFFh: this is the last */
    uint8_t data[260];
    size_t data_len; /* 0 to 260 */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  requires room <= 260;
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_RESERVATION_INVALID || \result == IPMI_CC_NOT_PRESENT || \result == IPMI_CC_PARAMETER_OUT_OF_RANGE || \result == IPMI_CC_CANNOT_RETURN_BYTES;
  ensures \result == IPMI_CC_SUCCESS ==> rsp->data_len <= room;
*/
uint8_t storage_get_sdr(struct bmc *b, struct bmc_call *call, const struct storage_get_sdr_req *req, struct storage_get_sdr_rsp *rsp, size_t room);

/* Add sdr (section 33.8). */
struct storage_add_sdr_req {
    uint8_t record[260]; /* bytes 0-1 (record id) are the BMC's; byte 4 is the length of what follows the header */
    size_t record_len; /* 5 to 260 */
};
struct storage_add_sdr_rsp {
    uint16_t record_id;
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires 5 <= req->record_len <= 260;
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_INVALID_DATA_FIELD || \result == IPMI_CC_OUT_OF_SPACE;
*/
uint8_t storage_add_sdr(struct bmc *b, struct bmc_call *call, const struct storage_add_sdr_req *req, struct storage_add_sdr_rsp *rsp);

/* Partial add sdr (section 33.13). */
struct storage_partial_add_sdr_req {
    uint16_t reservation;
    uint16_t record_id; /* 0000h: a new record; else the id the first part was answered with */
    uint8_t offset; /* bytes into the record: each part follows the last */
    uint8_t in_progress; /* 00h: more to come; 01h: the last part */
    uint8_t data[260]; /* a new record's first part holds its whole header */
    size_t data_len; /* 0 to 260 */
};
struct storage_partial_add_sdr_rsp {
    uint16_t record_id; /* the id the record has, or will have once complete */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires 0 <= req->in_progress <= 1;
  requires 0 <= req->data_len <= 260;
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_RESERVATION_INVALID || \result == IPMI_CC_INVALID_DATA_FIELD || \result == IPMI_CC_SDR_LENGTH_MISMATCH || \result == IPMI_CC_OUT_OF_SPACE;
*/
uint8_t storage_partial_add_sdr(struct bmc *b, struct bmc_call *call, const struct storage_partial_add_sdr_req *req, struct storage_partial_add_sdr_rsp *rsp);

/* Delete sdr (section 33.14). */
struct storage_delete_sdr_req {
    uint16_t reservation;
    uint16_t record_id; /* 0000h: the first; FFFFh: the last */
};
struct storage_delete_sdr_rsp {
    uint16_t record_id; /* the one deleted */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_RESERVATION_INVALID || \result == IPMI_CC_NOT_PRESENT;
*/
uint8_t storage_delete_sdr(struct bmc *b, struct bmc_call *call, const struct storage_delete_sdr_req *req, struct storage_delete_sdr_rsp *rsp);

/* Clear sdr repository (section 33.15). */
struct storage_clear_sdr_repository_req {
    uint16_t reservation;
    uint8_t clr[3]; /* 'C', 'L', 'R' */
    uint8_t operation; /* AAh: initiate erase; 00h: get erasure status */
};
struct storage_clear_sdr_repository_rsp {
    uint8_t progress; /* 01h: erasure completed */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_RESERVATION_INVALID || \result == IPMI_CC_INVALID_DATA_FIELD;
*/
uint8_t storage_clear_sdr_repository(struct bmc *b, struct bmc_call *call, const struct storage_clear_sdr_repository_req *req, struct storage_clear_sdr_repository_rsp *rsp);

/* Get sel info (section 31.2). */
struct storage_get_sel_info_rsp {
    uint8_t version; /* 51h: IPMI 1.5 and 2.0 SEL */
    uint16_t entries;
    uint16_t free_space; /* bytes */
    uint32_t last_add_time; /* SEL time; FFFFFFFFh: never */
    uint32_t last_erase_time; /* SEL time; FFFFFFFFh: never */
    uint8_t operation_support; /* bit 7: overflow; 3: Delete SEL; 2: partial Add; 1: Reserve SEL; 0: Get SEL Allocation Info */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t storage_get_sel_info(struct bmc *b, struct bmc_call *call, struct storage_get_sel_info_rsp *rsp);

/* Get sel allocation info (section 31.3). */
struct storage_get_sel_allocation_info_rsp {
    uint16_t units; /* allocation units in all */
    uint16_t unit_size; /* bytes */
    uint16_t free_units;
    uint16_t largest_free; /* units */
    uint8_t max_record_size; /* units */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t storage_get_sel_allocation_info(struct bmc *b, struct bmc_call *call, struct storage_get_sel_allocation_info_rsp *rsp);

/* Reserve sel (section 31.4). */
struct storage_reserve_sel_rsp {
    uint16_t reservation; /* never 0000h */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t storage_reserve_sel(struct bmc *b, struct bmc_call *call, struct storage_reserve_sel_rsp *rsp);

/* Get sel entry (section 31.5). */
struct storage_get_sel_entry_req {
    uint16_t reservation; /* 0000h will do for a read from offset 0 */
    uint16_t record_id; /* 0000h: the first; FFFFh: the last */
    uint8_t offset;
    uint8_t bytes_to_read; /* FFh: to the end of the record */
};
struct storage_get_sel_entry_rsp {
    uint16_t next_record_id; /* FFFFh: this is the last */
    uint8_t data[16];
    size_t data_len; /* 0 to 16 */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires 0 <= req->offset <= 15;
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_RESERVATION_INVALID || \result == IPMI_CC_NOT_PRESENT || \result == IPMI_CC_INVALID_DATA_FIELD;
  ensures \result == IPMI_CC_SUCCESS ==> rsp->data_len <= 16;
*/
uint8_t storage_get_sel_entry(struct bmc *b, struct bmc_call *call, const struct storage_get_sel_entry_req *req, struct storage_get_sel_entry_rsp *rsp);

/* Add sel entry (section 31.6). */
struct storage_add_sel_entry_req {
    uint8_t record[16]; /* bytes 0-1 (record id) are the BMC's; so are 3-6 (timestamp) of a type 02h record */
};
struct storage_add_sel_entry_rsp {
    uint16_t record_id;
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_OUT_OF_SPACE;
*/
uint8_t storage_add_sel_entry(struct bmc *b, struct bmc_call *call, const struct storage_add_sel_entry_req *req, struct storage_add_sel_entry_rsp *rsp);

/* Delete sel entry (section 31.8). */
struct storage_delete_sel_entry_req {
    uint16_t reservation;
    uint16_t record_id; /* 0000h: the first; FFFFh: the last */
};
struct storage_delete_sel_entry_rsp {
    uint16_t record_id; /* the one deleted */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_RESERVATION_INVALID || \result == IPMI_CC_NOT_PRESENT;
*/
uint8_t storage_delete_sel_entry(struct bmc *b, struct bmc_call *call, const struct storage_delete_sel_entry_req *req, struct storage_delete_sel_entry_rsp *rsp);

/* Clear sel (section 31.9). */
struct storage_clear_sel_req {
    uint16_t reservation;
    uint8_t clr[3]; /* 'C', 'L', 'R' */
    uint8_t operation; /* AAh: initiate erase; 00h: get erasure status */
};
struct storage_clear_sel_rsp {
    uint8_t progress; /* 01h: erasure completed */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  requires \valid(rsp) && \separated(b, call, rsp);
  requires \separated(req, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_RESERVATION_INVALID || \result == IPMI_CC_INVALID_DATA_FIELD;
*/
uint8_t storage_clear_sel(struct bmc *b, struct bmc_call *call, const struct storage_clear_sel_req *req, struct storage_clear_sel_rsp *rsp);

/* Get sel time (section 31.10). */
struct storage_get_sel_time_rsp {
    uint32_t time; /* seconds */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid(rsp) && \separated(b, call, rsp);
  assigns b->state, call->effects, *rsp;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t storage_get_sel_time(struct bmc *b, struct bmc_call *call, struct storage_get_sel_time_rsp *rsp);

/* Set sel time (section 31.11). */
struct storage_set_sel_time_req {
    uint32_t time; /* seconds */
};

/*@
  requires bmc_valid(b) && bmc_call_valid(call) && \separated(b, call);
  requires \valid_read(req) && \separated(b, call, req);
  assigns b->state, call->effects;
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures \result == IPMI_CC_SUCCESS;
*/
uint8_t storage_set_sel_time(struct bmc *b, struct bmc_call *call, const struct storage_set_sel_time_req *req);

/*
 * Decodes the request data of command `cmd`, calls its handler and encodes the
 * completion code and response data into out; returns the bytes written.
 */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
size_t answer_storage_command(struct bmc *b, struct bmc_call *call, uint8_t cmd,
                              const uint8_t *data, size_t len, uint8_t *out, size_t cap);

#endif /* CMD_STORAGE_H */
