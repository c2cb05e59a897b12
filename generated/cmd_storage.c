/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Storage commands (NetFn STORAGE): length and range checks, decoding and encoding.
 * Each response is written by an encode_ function of its own, so that the proof of
 * its answer_ function carries the BMC's state across one call, not across each byte.
 *
 * Generated from spec/commands-storage.yaml by generator/ipmigen (template commands.c.j2).
 * Do not edit: change the spec and rebuild.
 */
#include "cmd_storage.h"

#include "bytes.h"

/* A successful get fru inventory area info response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 3));
  requires \separated(rsp, out + (0 .. 3));
  assigns out[0 .. 3];
  ensures \result == 4;
*/
static size_t encode_storage_get_fru_inventory_area_info(const struct storage_get_fru_inventory_area_info_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = (uint8_t)(rsp->area_size & 0xff);
    out[2] = (uint8_t)((rsp->area_size >> 8) & 0xff);
    out[3] = rsp->access;
    return 4;
}

/* Get fru inventory area info: 1 request byte, 3 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_get_fru_inventory_area_info(struct bmc *b, struct bmc_call *call,
                                                         const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_get_fru_inventory_area_info_req req;
    struct storage_get_fru_inventory_area_info_rsp rsp;
    uint8_t cc;

    if (len != 1) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.device_id = data[0];
    if (cap < 4) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = storage_get_fru_inventory_area_info(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_storage_get_fru_inventory_area_info(&rsp, out);
}

/* A successful read fru data response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires rsp->data_len <= 255;
  requires \valid(out + (0 .. 1 + rsp->data_len));
  requires \separated(rsp, out + (0 .. 1 + rsp->data_len));
  assigns out[0 .. 1 + rsp->data_len];
  ensures \result == 2 + rsp->data_len;
*/
static size_t encode_storage_read_fru_data(const struct storage_read_fru_data_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->count;
    bytes_copy(out + 2, rsp->data, rsp->data_len);
    return 2 + rsp->data_len;
}

/* Read fru data: 4 request bytes, 1 to 256 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_read_fru_data(struct bmc *b, struct bmc_call *call,
                                           const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_read_fru_data_req req;
    struct storage_read_fru_data_rsp rsp;
    size_t room;
    uint8_t cc;

    if (len != 4) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.device_id = data[0];
    req.offset = (uint16_t)((uint32_t)data[1] | (uint32_t)data[2] << 8);
    req.count = data[3];
    if (cap < 2) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    /* The bytes of data that out holds: the handler fits its answer to them. */
    room = cap - 2;
    if (room > 255) {
        room = 255;
    }
    cc = storage_read_fru_data(b, call, &req, &rsp, room);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_storage_read_fru_data(&rsp, out);
}

/* A successful write fru data response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 1));
  requires \separated(rsp, out + (0 .. 1));
  assigns out[0 .. 1];
  ensures \result == 2;
*/
static size_t encode_storage_write_fru_data(const struct storage_write_fru_data_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->count;
    return 2;
}

/* Write fru data: 3 to 258 request bytes, 1 response byte. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_write_fru_data(struct bmc *b, struct bmc_call *call,
                                            const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_write_fru_data_req req;
    struct storage_write_fru_data_rsp rsp;
    uint8_t cc;

    if (len < 3) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    if (len > 258) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_FIELD_TOO_LONG);
    }
    req.device_id = data[0];
    req.offset = (uint16_t)((uint32_t)data[1] | (uint32_t)data[2] << 8);
    req.data_len = len - 3;
    bytes_copy(req.data, data + 3, req.data_len);
    if (cap < 2) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = storage_write_fru_data(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_storage_write_fru_data(&rsp, out);
}

/* A successful get sdr repository info response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 14));
  requires \separated(rsp, out + (0 .. 14));
  assigns out[0 .. 14];
  ensures \result == 15;
*/
static size_t encode_storage_get_sdr_repository_info(const struct storage_get_sdr_repository_info_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->version;
    out[2] = (uint8_t)(rsp->record_count & 0xff);
    out[3] = (uint8_t)((rsp->record_count >> 8) & 0xff);
    out[4] = (uint8_t)(rsp->free_space & 0xff);
    out[5] = (uint8_t)((rsp->free_space >> 8) & 0xff);
    out[6] = (uint8_t)(rsp->last_add_time & 0xff);
    out[7] = (uint8_t)((rsp->last_add_time >> 8) & 0xff);
    out[8] = (uint8_t)((rsp->last_add_time >> 16) & 0xff);
    out[9] = (uint8_t)((rsp->last_add_time >> 24) & 0xff);
    out[10] = (uint8_t)(rsp->last_erase_time & 0xff);
    out[11] = (uint8_t)((rsp->last_erase_time >> 8) & 0xff);
    out[12] = (uint8_t)((rsp->last_erase_time >> 16) & 0xff);
    out[13] = (uint8_t)((rsp->last_erase_time >> 24) & 0xff);
    out[14] = rsp->operation_support;
    return 15;
}

/* Get sdr repository info: 0 request bytes, 14 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_get_sdr_repository_info(struct bmc *b, struct bmc_call *call,
                                                     const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_get_sdr_repository_info_rsp rsp;

    if (len != 0) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    (void)data;
    if (cap < 15) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)storage_get_sdr_repository_info(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_storage_get_sdr_repository_info(&rsp, out);
}

/* A successful get sdr repository allocation info response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 9));
  requires \separated(rsp, out + (0 .. 9));
  assigns out[0 .. 9];
  ensures \result == 10;
*/
static size_t encode_storage_get_sdr_repository_allocation_info(const struct storage_get_sdr_repository_allocation_info_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = (uint8_t)(rsp->units & 0xff);
    out[2] = (uint8_t)((rsp->units >> 8) & 0xff);
    out[3] = (uint8_t)(rsp->unit_size & 0xff);
    out[4] = (uint8_t)((rsp->unit_size >> 8) & 0xff);
    out[5] = (uint8_t)(rsp->free_units & 0xff);
    out[6] = (uint8_t)((rsp->free_units >> 8) & 0xff);
    out[7] = (uint8_t)(rsp->largest_free & 0xff);
    out[8] = (uint8_t)((rsp->largest_free >> 8) & 0xff);
    out[9] = rsp->max_record_size;
    return 10;
}

/* Get sdr repository allocation info: 0 request bytes, 9 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_get_sdr_repository_allocation_info(struct bmc *b, struct bmc_call *call,
                                                                const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_get_sdr_repository_allocation_info_rsp rsp;

    if (len != 0) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    (void)data;
    if (cap < 10) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)storage_get_sdr_repository_allocation_info(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_storage_get_sdr_repository_allocation_info(&rsp, out);
}

/* A successful reserve sdr repository response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 2));
  requires \separated(rsp, out + (0 .. 2));
  assigns out[0 .. 2];
  ensures \result == 3;
*/
static size_t encode_storage_reserve_sdr_repository(const struct storage_reserve_sdr_repository_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = (uint8_t)(rsp->reservation & 0xff);
    out[2] = (uint8_t)((rsp->reservation >> 8) & 0xff);
    return 3;
}

/* Reserve sdr repository: 0 request bytes, 2 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_reserve_sdr_repository(struct bmc *b, struct bmc_call *call,
                                                    const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_reserve_sdr_repository_rsp rsp;

    if (len != 0) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    (void)data;
    if (cap < 3) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)storage_reserve_sdr_repository(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_storage_reserve_sdr_repository(&rsp, out);
}

/* A successful get sdr response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires rsp->data_len <= 260;
  requires \valid(out + (0 .. 2 + rsp->data_len));
  requires \separated(rsp, out + (0 .. 2 + rsp->data_len));
  assigns out[0 .. 2 + rsp->data_len];
  ensures \result == 3 + rsp->data_len;
*/
static size_t encode_storage_get_sdr(const struct storage_get_sdr_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = (uint8_t)(rsp->next_record_id & 0xff);
    out[2] = (uint8_t)((rsp->next_record_id >> 8) & 0xff);
    bytes_copy(out + 3, rsp->data, rsp->data_len);
    return 3 + rsp->data_len;
}

/* Get sdr: 6 request bytes, 2 to 262 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_get_sdr(struct bmc *b, struct bmc_call *call,
                                     const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_get_sdr_req req;
    struct storage_get_sdr_rsp rsp;
    size_t room;
    uint8_t cc;

    if (len != 6) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.reservation = (uint16_t)((uint32_t)data[0] | (uint32_t)data[1] << 8);
    req.record_id = (uint16_t)((uint32_t)data[2] | (uint32_t)data[3] << 8);
    req.offset = data[4];
    req.bytes_to_read = data[5];
    if (cap < 3) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    /* The bytes of data that out holds: the handler fits its answer to them. */
    room = cap - 3;
    if (room > 260) {
        room = 260;
    }
    cc = storage_get_sdr(b, call, &req, &rsp, room);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_storage_get_sdr(&rsp, out);
}

/* A successful add sdr response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 2));
  requires \separated(rsp, out + (0 .. 2));
  assigns out[0 .. 2];
  ensures \result == 3;
*/
static size_t encode_storage_add_sdr(const struct storage_add_sdr_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = (uint8_t)(rsp->record_id & 0xff);
    out[2] = (uint8_t)((rsp->record_id >> 8) & 0xff);
    return 3;
}

/* Add sdr: 5 to 260 request bytes, 2 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_add_sdr(struct bmc *b, struct bmc_call *call,
                                     const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_add_sdr_req req;
    struct storage_add_sdr_rsp rsp;
    uint8_t cc;

    if (len < 5) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    if (len > 260) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_FIELD_TOO_LONG);
    }
    req.record_len = len - 0;
    bytes_copy(req.record, data + 0, req.record_len);
    if (cap < 3) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = storage_add_sdr(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_storage_add_sdr(&rsp, out);
}

/* A successful partial add sdr response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 2));
  requires \separated(rsp, out + (0 .. 2));
  assigns out[0 .. 2];
  ensures \result == 3;
*/
static size_t encode_storage_partial_add_sdr(const struct storage_partial_add_sdr_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = (uint8_t)(rsp->record_id & 0xff);
    out[2] = (uint8_t)((rsp->record_id >> 8) & 0xff);
    return 3;
}

/* Partial add sdr: 6 to 266 request bytes, 2 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_partial_add_sdr(struct bmc *b, struct bmc_call *call,
                                             const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_partial_add_sdr_req req;
    struct storage_partial_add_sdr_rsp rsp;
    uint8_t cc;

    if (len < 6) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    if (len > 266) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_FIELD_TOO_LONG);
    }
    req.reservation = (uint16_t)((uint32_t)data[0] | (uint32_t)data[1] << 8);
    req.record_id = (uint16_t)((uint32_t)data[2] | (uint32_t)data[3] << 8);
    req.offset = data[4];
    req.in_progress = data[5];
    req.data_len = len - 6;
    bytes_copy(req.data, data + 6, req.data_len);
    if (req.in_progress > 1) {
        return bmc_answer_code(out, IPMI_CC_INVALID_DATA_FIELD);
    }
    if (cap < 3) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = storage_partial_add_sdr(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_storage_partial_add_sdr(&rsp, out);
}

/* A successful delete sdr response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 2));
  requires \separated(rsp, out + (0 .. 2));
  assigns out[0 .. 2];
  ensures \result == 3;
*/
static size_t encode_storage_delete_sdr(const struct storage_delete_sdr_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = (uint8_t)(rsp->record_id & 0xff);
    out[2] = (uint8_t)((rsp->record_id >> 8) & 0xff);
    return 3;
}

/* Delete sdr: 4 request bytes, 2 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_delete_sdr(struct bmc *b, struct bmc_call *call,
                                        const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_delete_sdr_req req;
    struct storage_delete_sdr_rsp rsp;
    uint8_t cc;

    if (len != 4) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.reservation = (uint16_t)((uint32_t)data[0] | (uint32_t)data[1] << 8);
    req.record_id = (uint16_t)((uint32_t)data[2] | (uint32_t)data[3] << 8);
    if (cap < 3) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = storage_delete_sdr(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_storage_delete_sdr(&rsp, out);
}

/* A successful clear sdr repository response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 1));
  requires \separated(rsp, out + (0 .. 1));
  assigns out[0 .. 1];
  ensures \result == 2;
*/
static size_t encode_storage_clear_sdr_repository(const struct storage_clear_sdr_repository_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->progress;
    return 2;
}

/* Clear sdr repository: 6 request bytes, 1 response byte. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_clear_sdr_repository(struct bmc *b, struct bmc_call *call,
                                                  const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_clear_sdr_repository_req req;
    struct storage_clear_sdr_repository_rsp rsp;
    uint8_t cc;

    if (len != 6) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.reservation = (uint16_t)((uint32_t)data[0] | (uint32_t)data[1] << 8);
    bytes_copy(req.clr, data + 2, 3);
    req.operation = data[5];
    if (cap < 2) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = storage_clear_sdr_repository(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_storage_clear_sdr_repository(&rsp, out);
}

/* A successful get sel info response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 14));
  requires \separated(rsp, out + (0 .. 14));
  assigns out[0 .. 14];
  ensures \result == 15;
*/
static size_t encode_storage_get_sel_info(const struct storage_get_sel_info_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->version;
    out[2] = (uint8_t)(rsp->entries & 0xff);
    out[3] = (uint8_t)((rsp->entries >> 8) & 0xff);
    out[4] = (uint8_t)(rsp->free_space & 0xff);
    out[5] = (uint8_t)((rsp->free_space >> 8) & 0xff);
    out[6] = (uint8_t)(rsp->last_add_time & 0xff);
    out[7] = (uint8_t)((rsp->last_add_time >> 8) & 0xff);
    out[8] = (uint8_t)((rsp->last_add_time >> 16) & 0xff);
    out[9] = (uint8_t)((rsp->last_add_time >> 24) & 0xff);
    out[10] = (uint8_t)(rsp->last_erase_time & 0xff);
    out[11] = (uint8_t)((rsp->last_erase_time >> 8) & 0xff);
    out[12] = (uint8_t)((rsp->last_erase_time >> 16) & 0xff);
    out[13] = (uint8_t)((rsp->last_erase_time >> 24) & 0xff);
    out[14] = rsp->operation_support;
    return 15;
}

/* Get sel info: 0 request bytes, 14 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_get_sel_info(struct bmc *b, struct bmc_call *call,
                                          const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_get_sel_info_rsp rsp;

    if (len != 0) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    (void)data;
    if (cap < 15) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)storage_get_sel_info(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_storage_get_sel_info(&rsp, out);
}

/* A successful get sel allocation info response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 9));
  requires \separated(rsp, out + (0 .. 9));
  assigns out[0 .. 9];
  ensures \result == 10;
*/
static size_t encode_storage_get_sel_allocation_info(const struct storage_get_sel_allocation_info_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = (uint8_t)(rsp->units & 0xff);
    out[2] = (uint8_t)((rsp->units >> 8) & 0xff);
    out[3] = (uint8_t)(rsp->unit_size & 0xff);
    out[4] = (uint8_t)((rsp->unit_size >> 8) & 0xff);
    out[5] = (uint8_t)(rsp->free_units & 0xff);
    out[6] = (uint8_t)((rsp->free_units >> 8) & 0xff);
    out[7] = (uint8_t)(rsp->largest_free & 0xff);
    out[8] = (uint8_t)((rsp->largest_free >> 8) & 0xff);
    out[9] = rsp->max_record_size;
    return 10;
}

/* Get sel allocation info: 0 request bytes, 9 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_get_sel_allocation_info(struct bmc *b, struct bmc_call *call,
                                                     const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_get_sel_allocation_info_rsp rsp;

    if (len != 0) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    (void)data;
    if (cap < 10) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)storage_get_sel_allocation_info(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_storage_get_sel_allocation_info(&rsp, out);
}

/* A successful reserve sel response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 2));
  requires \separated(rsp, out + (0 .. 2));
  assigns out[0 .. 2];
  ensures \result == 3;
*/
static size_t encode_storage_reserve_sel(const struct storage_reserve_sel_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = (uint8_t)(rsp->reservation & 0xff);
    out[2] = (uint8_t)((rsp->reservation >> 8) & 0xff);
    return 3;
}

/* Reserve sel: 0 request bytes, 2 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_reserve_sel(struct bmc *b, struct bmc_call *call,
                                         const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_reserve_sel_rsp rsp;

    if (len != 0) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    (void)data;
    if (cap < 3) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)storage_reserve_sel(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_storage_reserve_sel(&rsp, out);
}

/* A successful get sel entry response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires rsp->data_len <= 16;
  requires \valid(out + (0 .. 2 + rsp->data_len));
  requires \separated(rsp, out + (0 .. 2 + rsp->data_len));
  assigns out[0 .. 2 + rsp->data_len];
  ensures \result == 3 + rsp->data_len;
*/
static size_t encode_storage_get_sel_entry(const struct storage_get_sel_entry_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = (uint8_t)(rsp->next_record_id & 0xff);
    out[2] = (uint8_t)((rsp->next_record_id >> 8) & 0xff);
    bytes_copy(out + 3, rsp->data, rsp->data_len);
    return 3 + rsp->data_len;
}

/* Get sel entry: 6 request bytes, 2 to 18 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_get_sel_entry(struct bmc *b, struct bmc_call *call,
                                           const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_get_sel_entry_req req;
    struct storage_get_sel_entry_rsp rsp;
    uint8_t cc;

    if (len != 6) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.reservation = (uint16_t)((uint32_t)data[0] | (uint32_t)data[1] << 8);
    req.record_id = (uint16_t)((uint32_t)data[2] | (uint32_t)data[3] << 8);
    req.offset = data[4];
    req.bytes_to_read = data[5];
    if (req.offset > 15) {
        return bmc_answer_code(out, IPMI_CC_INVALID_DATA_FIELD);
    }
    if (cap < 19) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = storage_get_sel_entry(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_storage_get_sel_entry(&rsp, out);
}

/* A successful add sel entry response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 2));
  requires \separated(rsp, out + (0 .. 2));
  assigns out[0 .. 2];
  ensures \result == 3;
*/
static size_t encode_storage_add_sel_entry(const struct storage_add_sel_entry_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = (uint8_t)(rsp->record_id & 0xff);
    out[2] = (uint8_t)((rsp->record_id >> 8) & 0xff);
    return 3;
}

/* Add sel entry: 16 request bytes, 2 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_add_sel_entry(struct bmc *b, struct bmc_call *call,
                                           const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_add_sel_entry_req req;
    struct storage_add_sel_entry_rsp rsp;
    uint8_t cc;

    if (len != 16) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    bytes_copy(req.record, data + 0, 16);
    if (cap < 3) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = storage_add_sel_entry(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_storage_add_sel_entry(&rsp, out);
}

/* A successful delete sel entry response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 2));
  requires \separated(rsp, out + (0 .. 2));
  assigns out[0 .. 2];
  ensures \result == 3;
*/
static size_t encode_storage_delete_sel_entry(const struct storage_delete_sel_entry_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = (uint8_t)(rsp->record_id & 0xff);
    out[2] = (uint8_t)((rsp->record_id >> 8) & 0xff);
    return 3;
}

/* Delete sel entry: 4 request bytes, 2 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_delete_sel_entry(struct bmc *b, struct bmc_call *call,
                                              const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_delete_sel_entry_req req;
    struct storage_delete_sel_entry_rsp rsp;
    uint8_t cc;

    if (len != 4) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.reservation = (uint16_t)((uint32_t)data[0] | (uint32_t)data[1] << 8);
    req.record_id = (uint16_t)((uint32_t)data[2] | (uint32_t)data[3] << 8);
    if (cap < 3) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = storage_delete_sel_entry(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_storage_delete_sel_entry(&rsp, out);
}

/* A successful clear sel response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 1));
  requires \separated(rsp, out + (0 .. 1));
  assigns out[0 .. 1];
  ensures \result == 2;
*/
static size_t encode_storage_clear_sel(const struct storage_clear_sel_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = rsp->progress;
    return 2;
}

/* Clear sel: 6 request bytes, 1 response byte. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_clear_sel(struct bmc *b, struct bmc_call *call,
                                       const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_clear_sel_req req;
    struct storage_clear_sel_rsp rsp;
    uint8_t cc;

    if (len != 6) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.reservation = (uint16_t)((uint32_t)data[0] | (uint32_t)data[1] << 8);
    bytes_copy(req.clr, data + 2, 3);
    req.operation = data[5];
    if (cap < 2) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    cc = storage_clear_sel(b, call, &req, &rsp);
    if (cc != IPMI_CC_SUCCESS) {
        return bmc_answer_code(out, cc);
    }
    return encode_storage_clear_sel(&rsp, out);
}

/* A successful get sel time response: completion code, fields. */
/*@
  requires \valid_read(rsp);
  requires \valid(out + (0 .. 4));
  requires \separated(rsp, out + (0 .. 4));
  assigns out[0 .. 4];
  ensures \result == 5;
*/
static size_t encode_storage_get_sel_time(const struct storage_get_sel_time_rsp *rsp, uint8_t *out)
{
    out[0] = IPMI_CC_SUCCESS;
    out[1] = (uint8_t)(rsp->time & 0xff);
    out[2] = (uint8_t)((rsp->time >> 8) & 0xff);
    out[3] = (uint8_t)((rsp->time >> 16) & 0xff);
    out[4] = (uint8_t)((rsp->time >> 24) & 0xff);
    return 5;
}

/* Get sel time: 0 request bytes, 4 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_get_sel_time(struct bmc *b, struct bmc_call *call,
                                          const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_get_sel_time_rsp rsp;

    if (len != 0) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    (void)data;
    if (cap < 5) {
        return bmc_answer_code(out, IPMI_CC_CANNOT_RETURN_BYTES);
    }
    (void)storage_get_sel_time(b, call, &rsp); /* it cannot fail: its contract says so */
    return encode_storage_get_sel_time(&rsp, out);
}

/* Set sel time: 4 request bytes, 0 response bytes. */
/*@
  requires bmc_valid(b) && bmc_command_buffers(b, call, data, len, out, cap);
  assigns b->state, call->effects, out[0 .. cap - 1];
  ensures bmc_valid(b) && bmc_call_valid(call);
  ensures 1 <= \result <= cap;
*/
static size_t answer_storage_set_sel_time(struct bmc *b, struct bmc_call *call,
                                          const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    struct storage_set_sel_time_req req;
    uint8_t cc;

    if (len != 4) {
        return bmc_answer_code(out, IPMI_CC_REQUEST_DATA_LENGTH_INVALID);
    }
    req.time = (uint32_t)((uint32_t)data[0] | (uint32_t)data[1] << 8 | (uint32_t)data[2] << 16 | (uint32_t)data[3] << 24);
    (void)cap;
    cc = storage_set_sel_time(b, call, &req);
    return bmc_answer_code(out, cc);
}

size_t answer_storage_command(struct bmc *b, struct bmc_call *call, uint8_t cmd,
                              const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
    size_t written;

    switch (cmd) {
    case STORAGE_GET_FRU_INVENTORY_AREA_INFO:
        written = answer_storage_get_fru_inventory_area_info(b, call, data, len, out, cap);
        break;
    case STORAGE_READ_FRU_DATA:
        written = answer_storage_read_fru_data(b, call, data, len, out, cap);
        break;
    case STORAGE_WRITE_FRU_DATA:
        written = answer_storage_write_fru_data(b, call, data, len, out, cap);
        break;
    case STORAGE_GET_SDR_REPOSITORY_INFO:
        written = answer_storage_get_sdr_repository_info(b, call, data, len, out, cap);
        break;
    case STORAGE_GET_SDR_REPOSITORY_ALLOCATION_INFO:
        written = answer_storage_get_sdr_repository_allocation_info(b, call, data, len, out, cap);
        break;
    case STORAGE_RESERVE_SDR_REPOSITORY:
        written = answer_storage_reserve_sdr_repository(b, call, data, len, out, cap);
        break;
    case STORAGE_GET_SDR:
        written = answer_storage_get_sdr(b, call, data, len, out, cap);
        break;
    case STORAGE_ADD_SDR:
        written = answer_storage_add_sdr(b, call, data, len, out, cap);
        break;
    case STORAGE_PARTIAL_ADD_SDR:
        written = answer_storage_partial_add_sdr(b, call, data, len, out, cap);
        break;
    case STORAGE_DELETE_SDR:
        written = answer_storage_delete_sdr(b, call, data, len, out, cap);
        break;
    case STORAGE_CLEAR_SDR_REPOSITORY:
        written = answer_storage_clear_sdr_repository(b, call, data, len, out, cap);
        break;
    case STORAGE_GET_SEL_INFO:
        written = answer_storage_get_sel_info(b, call, data, len, out, cap);
        break;
    case STORAGE_GET_SEL_ALLOCATION_INFO:
        written = answer_storage_get_sel_allocation_info(b, call, data, len, out, cap);
        break;
    case STORAGE_RESERVE_SEL:
        written = answer_storage_reserve_sel(b, call, data, len, out, cap);
        break;
    case STORAGE_GET_SEL_ENTRY:
        written = answer_storage_get_sel_entry(b, call, data, len, out, cap);
        break;
    case STORAGE_ADD_SEL_ENTRY:
        written = answer_storage_add_sel_entry(b, call, data, len, out, cap);
        break;
    case STORAGE_DELETE_SEL_ENTRY:
        written = answer_storage_delete_sel_entry(b, call, data, len, out, cap);
        break;
    case STORAGE_CLEAR_SEL:
        written = answer_storage_clear_sel(b, call, data, len, out, cap);
        break;
    case STORAGE_GET_SEL_TIME:
        written = answer_storage_get_sel_time(b, call, data, len, out, cap);
        break;
    case STORAGE_SET_SEL_TIME:
        written = answer_storage_set_sel_time(b, call, data, len, out, cap);
        break;
    default:
        written = bmc_answer_code(out, IPMI_CC_INVALID_COMMAND);
        break;
    }
    return written;
}
