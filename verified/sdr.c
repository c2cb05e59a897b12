/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The SDR repository; see sdr.h.
 */
#include "sdr.h"

#include "bytes.h"

/* The default record: upstream's init_sdrs[] (hw/ipmi/ipmi_bmc_sim.c), a compact
   sensor record (section 43.2) of 40 bytes. */
#define SDR_TYPE_COMPACT 0x02
#define WATCHDOG_RECORD_LEN 40
#define ENTITY_SYSTEM_MANAGEMENT_SOFTWARE 0x23 /* entity id (table 43-13) */
#define SENSOR_TYPE_WATCHDOG_2 0x23            /* sensor type (table 42-3) */
#define READING_TYPE_SENSOR_SPECIFIC 0x6f      /* event/reading type (table 42-1) */

void sdr_init(struct sdr *r)
{
    bytes_clear(r->pool, SDR_POOL_SIZE);
    r->start[0] = 0;
    r->count = 0;
    r->next_id = 0;
    r->reservation = 0;
    r->reserved = false;
    r->overflow = false;
    r->last_add = SDR_TIME_NEVER;
    r->last_erase = SDR_TIME_NEVER;
    r->pending_len = 0;
    r->pending_total = 0;
}

/*
 * The `len` bytes at the start of the free space become record `count`, with the next
 * id in its bytes 0-1; a Partial Add in progress is dropped (its bytes were there).
 */
/*@
  requires \valid(r) && sdr_valid(r);
  requires SDR_HEADER_LEN <= len <= SDR_RECORD_MAX && sdr_fits(r, len);
  assigns r->pool[r->start[r->count]], r->pool[r->start[r->count] + 1],
          r->start[r->count + 1], r->count, r->next_id, r->pending_total;
  ensures sdr_valid(r);
  ensures r->count == \old(r->count) + 1 && !sdr_pending(r);
*/
static void sdr_index_record(struct sdr *r, size_t len)
{
    int16_t c = r->count;
    int16_t at = r->start[c];
    uint16_t id = r->next_id;

    r->pool[at] = (uint8_t)(id % 256);
    r->pool[at + 1] = (uint8_t)(id / 256);
    r->start[c + 1] = (int16_t)(at + (int16_t)len);
    /*@ assert \forall integer i; 0 <= i <= c ==>
               r->start[c + 1] - r->start[i] >= SDR_HEADER_LEN * (c + 1 - i); */
    r->count = (int16_t)(c + 1);
    r->next_id = id >= SDR_LAST_ID - 1 ? 0 : (uint16_t)(id + 1);
    r->pending_total = 0;
}

/* A record of `len` bytes, copied to the free space and indexed. */
/*@
  requires \valid(r) && sdr_valid(r);
  requires SDR_HEADER_LEN <= len <= SDR_RECORD_MAX && sdr_fits(r, len);
  requires \valid_read(rec + (0 .. len - 1)) && \separated(r, rec + (0 .. len - 1));
  assigns r->pool[0 .. SDR_POOL_SIZE - 1], r->start[r->count + 1], r->count, r->next_id,
          r->pending_total;
  ensures sdr_valid(r);
  ensures r->count == \old(r->count) + 1 && !sdr_pending(r);
*/
static void sdr_append(struct sdr *r, const uint8_t *rec, size_t len)
{
    bytes_copy(&r->pool[r->start[r->count]], rec, len);
    sdr_index_record(r, len);
}

void sdr_init_default(struct sdr *r, uint8_t owner)
{
    uint8_t rec[WATCHDOG_RECORD_LEN];

    bytes_clear(rec, WATCHDOG_RECORD_LEN);
    rec[2] = SDR_VERSION;
    rec[3] = SDR_TYPE_COMPACT;
    rec[SDR_LENGTH_BYTE] = WATCHDOG_RECORD_LEN - SDR_HEADER_LEN;
    rec[5] = owner;                              /* sensor owner: the BMC, LUN 0 */
    rec[7] = 0;                                  /* sensor number 0 */
    rec[8] = ENTITY_SYSTEM_MANAGEMENT_SOFTWARE;
    rec[9] = 0x01;                               /* entity instance */
    rec[10] = 0x63;                              /* initialization: scanning, events, ... */
    rec[12] = SENSOR_TYPE_WATCHDOG_2;
    rec[13] = READING_TYPE_SENSOR_SPECIFIC;
    rec[14] = 0x0f;                              /* assertion event mask: offsets 0-3 */
    rec[15] = 0x01;                              /* and 8 (timer interrupt) */
    rec[31] = 0xc8;                              /* id string: 8-bit ASCII, 8 bytes */
    rec[32] = 'W';
    rec[33] = 'a';
    rec[34] = 't';
    rec[35] = 'c';
    rec[36] = 'h';
    rec[37] = 'd';
    rec[38] = 'o';
    rec[39] = 'g';
    sdr_init(r);
    sdr_append(r, rec, WATCHDOG_RECORD_LEN);
}

uint16_t sdr_reserve(struct sdr *r)
{
    uint16_t id = r->reservation >= 0xffff ? 1 : (uint16_t)(r->reservation + 1);

    r->reservation = id;
    r->reserved = true;
    r->pending_total = 0;
    return id;
}

/* The Partial Add in progress, if any, fits as sdr_valid asks. */
/*@
  requires \valid_read(r) && 0 <= r->count <= SDR_MAX_RECORDS;
  assigns \nothing;
  ensures \result != 0 ==> (r->pending_total != 0 ==> r->count < SDR_MAX_RECORDS
          && SDR_HEADER_LEN <= r->pending_total <= SDR_RECORD_MAX
          && 0 <= r->pending_len <= r->pending_total
          && r->start[r->count] + r->pending_total <= SDR_POOL_SIZE);
*/
static bool sdr_pending_consistent(const struct sdr *r)
{
    if (r->pending_total == 0) {
        return true;
    }
    return r->count < SDR_MAX_RECORDS && r->pending_total >= SDR_HEADER_LEN &&
           r->pending_total <= SDR_RECORD_MAX && r->pending_len >= 0 &&
           r->pending_len <= r->pending_total &&
           r->start[r->count] + r->pending_total <= SDR_POOL_SIZE;
}

bool sdr_consistent(const struct sdr *r)
{
    int k;

    /* As every add leaves it: from byte 0, each record as long as its length byte
       says and 260 bytes at most, the next id never FFFFh. */
    if (r->count < 0 || r->count > SDR_MAX_RECORDS || r->start[0] != 0 ||
        r->start[r->count] > SDR_POOL_SIZE || r->next_id == SDR_LAST_ID) {
        return false;
    }
    /*@
      loop invariant 0 <= k <= r->count;
      loop invariant \forall integer i, j; 0 <= i <= j <= k ==>
                       r->start[j] - r->start[i] >= SDR_HEADER_LEN * (j - i);
      loop assigns k;
      loop variant r->count - k;
    */
    for (k = 0; k < r->count; k++) {
        int len = r->start[k + 1] - r->start[k];

        if (len < SDR_HEADER_LEN || len > SDR_RECORD_MAX || r->start[k + 1] > SDR_POOL_SIZE ||
            r->pool[r->start[k] + SDR_LENGTH_BYTE] + SDR_HEADER_LEN != len) {
            return false;
        }
    }
    return sdr_pending_consistent(r);
}

bool sdr_reservation_ok(const struct sdr *r, uint16_t id)
{
    return r->reserved && id != 0 && id == r->reservation;
}

size_t sdr_count(const struct sdr *r)
{
    return (size_t)r->count;
}

size_t sdr_free(const struct sdr *r)
{
    return r->count < SDR_MAX_RECORDS ? (size_t)(SDR_POOL_SIZE - r->start[r->count]) : 0;
}

size_t sdr_len_at(const struct sdr *r, size_t index)
{
    return (size_t)(r->start[index + 1] - r->start[index]);
}

const uint8_t *sdr_record_at(const struct sdr *r, size_t index)
{
    return &r->pool[r->start[index]];
}

uint16_t sdr_id_at(const struct sdr *r, size_t index)
{
    size_t at = (size_t)r->start[index];

    return (uint16_t)(r->pool[at] + 256 * r->pool[at + 1]);
}

size_t sdr_find_exact(const struct sdr *r, uint16_t id)
{
    size_t i;

    /*@
      loop invariant 0 <= i <= r->count;
      loop assigns i;
      loop variant r->count - i;
    */
    for (i = 0; i < (size_t)r->count; i++) {
        if (sdr_id_at(r, i) == id) {
            return i;
        }
    }
    return (size_t)r->count;
}

size_t sdr_find(const struct sdr *r, uint16_t id)
{
    if (r->count == 0 || id == SDR_FIRST_ID) {
        return 0;
    }
    if (id == SDR_LAST_ID) {
        return (size_t)r->count - 1;
    }
    return sdr_find_exact(r, id);
}

bool sdr_add(struct sdr *r, uint32_t time, const uint8_t *rec, size_t len, uint16_t *id)
{
    if (r->count >= SDR_MAX_RECORDS || (size_t)r->start[r->count] + len > SDR_POOL_SIZE) {
        r->overflow = true;
        return false;
    }
    *id = r->next_id;
    sdr_append(r, rec, len);
    r->reserved = false;
    r->last_add = time;
    return true;
}

/* Moves the `n` bytes at pool[from ..] down to pool[to ..] (to <= from), front first. */
/*@
  requires \valid(r) && to <= from && from + n <= SDR_POOL_SIZE;
  assigns r->pool[to .. to + n - 1];
*/
static void sdr_move_down(struct sdr *r, size_t to, size_t from, size_t n)
{
    size_t i;

    /*@
      loop invariant 0 <= i <= n;
      loop assigns i, r->pool[to .. to + n - 1];
      loop variant n - i;
    */
    for (i = 0; i < n; i++) {
        r->pool[to + i] = r->pool[from + i];
    }
}

/*
 * Record `index` leaves the index: each start after it moves down by its length d,
 * and one entry fewer is in use; a Partial Add in progress is dropped (the bytes it
 * had in the free space have moved).
 */
/*@
  requires \valid(r) && sdr_valid(r) && 0 <= index < r->count;
  assigns r->start[index .. r->count - 1], r->count, r->pending_total;
  ensures sdr_valid(r) && !sdr_pending(r);
  ensures r->count == \old(r->count) - 1;
*/
static void sdr_unindex(struct sdr *r, size_t index)
{
    int16_t n = r->count;
    int16_t d = (int16_t)(r->start[index + 1] - r->start[index]);
    size_t k;

    r->pending_total = 0;
    /*@
      loop invariant index <= k <= n;
      loop invariant \forall integer j; 0 <= j < index ==> r->start[j] == \at(r->start[j], Pre);
      loop invariant \forall integer j; index <= j < k ==>
                     r->start[j] == \at(r->start[j + 1], Pre) - d;
      loop invariant \forall integer j; index <= j < k ==>
                     r->start[j] - \at(r->start[index], Pre) >= SDR_HEADER_LEN * (j - index)
                     && r->start[j] <= \at(r->start[r->count], Pre) - d;
      loop invariant \forall integer j; k <= j <= n ==> r->start[j] == \at(r->start[j], Pre);
      loop assigns k, r->start[index .. n - 1];
      loop variant n - k;
    */
    for (k = index; k < (size_t)n; k++) {
        r->start[k] = (int16_t)(r->start[k + 1] - d);
    }
    /*@ assert \forall integer j; 0 <= j < index ==>
               \at(r->start[index], Pre) - r->start[j] >= SDR_HEADER_LEN * (index - j); */
    r->count = (int16_t)(n - 1);
    /* The starts before the record are as they were, those after it the next ones
       d lower: entries on one side are as far apart as they were, and across the
       record as far as they were less its length. */
    /*@ assert spaced_before: \forall integer i, j; 0 <= i <= j < index ==>
               r->start[j] - r->start[i] >= SDR_HEADER_LEN * (j - i); */
    /*@ assert spaced_across: \forall integer i, j; 0 <= i < index <= j <= r->count ==>
               r->start[j] - r->start[i] >= SDR_HEADER_LEN * (j - i); */
    /*@ assert spaced_after: \forall integer i, j; index <= i <= j <= r->count ==>
               r->start[j] - r->start[i] >= SDR_HEADER_LEN * (j - i); */
    /*@ assert spaced: \forall integer i, j; 0 <= i <= j <= r->count ==>
               r->start[j] - r->start[i] >= SDR_HEADER_LEN * (j - i); */
    /*@ assert 0 <= r->start[0] && r->start[r->count] <= SDR_POOL_SIZE; */
}

void sdr_delete(struct sdr *r, size_t index, uint32_t time)
{
    size_t to = (size_t)r->start[index];
    size_t from = (size_t)r->start[index + 1];
    size_t used = (size_t)r->start[r->count];

    sdr_move_down(r, to, from, used - from);
    sdr_unindex(r, index);
    r->reserved = false;
    r->last_erase = time;
}

void sdr_clear(struct sdr *r, uint32_t time)
{
    r->count = 0;
    r->start[0] = 0;
    r->next_id = 0;
    r->overflow = false;
    r->reserved = false;
    r->pending_total = 0;
    r->last_erase = time;
}

bool sdr_partial_start(struct sdr *r, const uint8_t *data, size_t n)
{
    size_t total = (size_t)data[SDR_LENGTH_BYTE] + SDR_HEADER_LEN;

    if (r->count >= SDR_MAX_RECORDS || (size_t)r->start[r->count] + total > SDR_POOL_SIZE) {
        r->overflow = true;
        return false;
    }
    bytes_copy(&r->pool[r->start[r->count]], data, n);
    r->pending_len = (int16_t)n;
    r->pending_total = (int16_t)total;
    return true;
}

void sdr_partial_write(struct sdr *r, const uint8_t *data, size_t n)
{
    bytes_copy(&r->pool[(size_t)r->start[r->count] + (size_t)r->pending_len], data, n);
    r->pending_len = (int16_t)((size_t)r->pending_len + n);
}

uint16_t sdr_partial_commit(struct sdr *r, uint32_t time)
{
    uint16_t id = r->next_id;

    sdr_index_record(r, (size_t)r->pending_total);
    r->reserved = false;
    r->last_add = time;
    return id;
}

enum sdr_load_error sdr_load(struct sdr *r, const uint8_t *file, size_t len, size_t *where)
{
    size_t pos = 0;

    sdr_init(r);
    /*@
      loop invariant 0 <= pos <= len;
      loop invariant sdr_valid(r) && !r->reserved && !sdr_pending(r);
      loop assigns pos, *r;
      loop variant len - pos;
    */
    while (pos < len) {
        size_t n;

        if (len - pos < SDR_HEADER_LEN) {
            *where = pos;
            return SDR_LOAD_TRUNCATED_HEADER;
        }
        n = (size_t)file[pos + SDR_LENGTH_BYTE] + SDR_HEADER_LEN;
        if (len - pos < n) {
            *where = pos;
            return SDR_LOAD_TRUNCATED_RECORD;
        }
        if (r->count >= SDR_MAX_RECORDS || (size_t)r->start[r->count] + n > SDR_POOL_SIZE) {
            *where = pos;
            return SDR_LOAD_FULL;
        }
        sdr_append(r, file + pos, n);
        pos += n;
    }
    *where = len;
    return SDR_LOAD_OK;
}
