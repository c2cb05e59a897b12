/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Sensor Data Record repository (IPMI 2.0 section 33): variable-length records
 * packed one after the other in a fixed pool, the reservation that guards partial
 * reads, partial adds, deletes and clears, a Partial Add SDR in progress, and the last
 * add and erase times.
 *
 * A record is a 5-byte header (record id, least significant byte first; SDR version;
 * record type; the length of what follows) and up to 255 bytes more, so 5 to 260
 * bytes. Record i is pool[start[i] .. start[i + 1] - 1]: the index start[] holds where
 * each record begins and, at start[count], where the free space does. Records stay in
 * the order they were added; a delete moves the ones after it down and closes the gap.
 * The index is what every read goes by: sdr_valid says its entries rise by 5 bytes or
 * more a record and the last ends inside the pool, so a read of any part of any
 * record is in bounds. Keeping the index beside the pool makes that a property
 * of the index alone, which the provers check without walking the records' length
 * bytes; the BMC writes every record's length byte as the index says (checked by the
 * fuzz-bmc harness after each request, not proved).
 *
 * Record ids count up from 0000h, as upstream's do (PowerNV's device tree asks for
 * ids 0, 1, 2, ... through ipmi_bmc_sdr_find until one is missing), and start over at
 * 0000h after a clear and after FFFEh; FFFFh is never an id. In Get SDR and Delete SDR
 * 0000h names the first record and FFFFh the last (sdr_find); the first record is
 * record 0000h until it is deleted.
 *
 * Times are SEL time, seconds (the caller's sel_time()); a record the repository
 * starts with (the default, or an sdrfile's) was not added, so the last add time stays
 * SDR_TIME_NEVER until a command adds one.
 */
#ifndef SDR_H
#define SDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SDR_POOL_SIZE 16384        /* bytes of records, as upstream's MAX_SDR_SIZE */
#define SDR_MAX_RECORDS 1024       /* records at most (16384 bytes hold 3276 headers) */
#define SDR_HEADER_LEN 5
#define SDR_LENGTH_BYTE 4          /* header byte: the record's length after the header */
#define SDR_RECORD_MAX 260         /* header + 255 */
#define SDR_VERSION 0x51           /* header byte 2 of IPMI 1.5 and 2.0 records */
#define SDR_FIRST_ID 0x0000        /* names the first record (and is an id) */
#define SDR_LAST_ID 0xffff         /* names the last record; "no next record"; never an id */
#define SDR_TIME_NEVER 0xffffffffu /* a last add or erase time before any */

/*
 * The fields sdr_valid reads (the index and the Partial Add in progress) are int16_t,
 * and no other field of the BMC's state is: in WP's typed memory model each C integer
 * type has a memory of its own, so a write to any other field (the SEL's count, an
 * effect flag, a FRU byte) leaves the invariant's memory as it was and the invariant
 * holds after it with nothing to prove. The values are 0 .. SDR_POOL_SIZE.
 */
struct sdr {
    uint8_t pool[SDR_POOL_SIZE];
    int16_t start[SDR_MAX_RECORDS + 1]; /* record i: pool[start[i] .. start[i + 1] - 1] */
    int16_t count;             /* records */
    /* A Partial Add SDR in progress, when pending_total is not 0: its bytes so far are
       in the free space, at pool[start[count] ..]; it will get id next_id. */
    int16_t pending_len;       /* bytes received */
    int16_t pending_total;     /* the record's length, from its header; 0: none */
    uint16_t next_id;          /* the id the next add assigns, 0 .. FFFEh */
    uint16_t reservation;      /* the last reservation id handed out (0: none yet) */
    bool reserved;             /* it still holds: nothing has changed since */
    bool overflow;             /* an add was refused because the repository was full */
    uint32_t last_add;         /* SEL time, or SDR_TIME_NEVER */
    uint32_t last_erase;       /* SEL time of the last delete or clear, or SDR_TIME_NEVER */
};

/*@
  // Where the free space begins.
  logic integer sdr_used(struct sdr *r) = r->start[r->count];

  // The length of record i.
  logic integer sdr_len(struct sdr *r, integer i) = r->start[i + 1] - r->start[i];

  // The id of record i: its bytes 0-1.
  logic integer sdr_id(struct sdr *r, integer i) =
    r->pool[r->start[i]] + 256 * r->pool[r->start[i] + 1];

  // A Partial Add SDR is in progress.
  predicate sdr_pending(struct sdr *r) = r->pending_total != 0;

  // The starts rise from 0 or more by 5 bytes or more a record (a header each), the
  // free space begins inside the pool; a Partial Add in progress fits in the free space
  // and has a free index entry. Stated for any two entries, not neighbours, so that no
  // prover has to chain neighbours (and no quantifier makes a term for the next entry
  // out of each one it sees). That records are also 260 bytes at most is kept by every
  // add (it is what they take) and checked by the fuzz-bmc harness; no read depends on
  // it: Get SDR fits what it copies to the caller's room.
  predicate sdr_valid(struct sdr *r) =
    0 <= r->count <= SDR_MAX_RECORDS && 0 <= r->start[0]
    && r->start[r->count] <= SDR_POOL_SIZE
    && (\forall integer i, j; 0 <= i <= j <= r->count ==>
          r->start[j] - r->start[i] >= SDR_HEADER_LEN * (j - i))
    && (r->pending_total != 0 ==> r->count < SDR_MAX_RECORDS
          && SDR_HEADER_LEN <= r->pending_total <= SDR_RECORD_MAX
          && 0 <= r->pending_len <= r->pending_total
          && r->start[r->count] + r->pending_total <= SDR_POOL_SIZE);

  // The reservation `id` holds: handed out, and nothing changed since.
  predicate sdr_reservation_holds(struct sdr *r, integer id) =
    r->reserved && id == r->reservation && id != 0;

  // A record of `len` bytes fits: a free index entry and the bytes.
  predicate sdr_fits(struct sdr *r, integer len) =
    r->count < SDR_MAX_RECORDS && r->start[r->count] + len <= SDR_POOL_SIZE;
*/

/* An empty repository of zero bytes: ids from 0000h, no reservation, never added to
   or erased. */
/*@
  requires \valid(r);
  assigns *r;
  ensures sdr_valid(r) && sdr_used(r) == 0;
  ensures r->count == 0 && r->next_id == 0 && !r->reserved && !r->overflow && !sdr_pending(r);
  ensures r->last_add == SDR_TIME_NEVER && r->last_erase == SDR_TIME_NEVER;
*/
void sdr_init(struct sdr *r);

/*
 * The repository ipmi-bmc-sim starts with when no sdrfile is given: upstream's one
 * record (its init_sdrs[]), a compact sensor record (type 02h) for the watchdog
 * sensor, sensor number 0, owned by the BMC at `owner` (its slave address), named
 * "Watchdog"; record 0000h.
 */
/*@
  requires \valid(r);
  assigns *r;
  ensures sdr_valid(r);
  ensures r->count == 1 && !r->reserved && !sdr_pending(r);
*/
void sdr_init_default(struct sdr *r, uint8_t owner);

/* A new reservation, never 0000h, cancelling the one before and a Partial Add SDR in
   progress. */
/*@
  requires \valid(r) && sdr_valid(r);
  assigns r->reservation, r->reserved, r->pending_total;
  ensures sdr_valid(r);
  ensures \result != 0 && \result != \old(r->reservation);
  ensures sdr_reservation_holds(r, \result);
  ensures !sdr_pending(r);
*/
uint16_t sdr_reserve(struct sdr *r);

/*
 * Whether a repository from outside (a migration stream) is one the BMC's commands can
 * have left: sdr_valid, checked neighbour by neighbour (the loop's invariant chains
 * that into the predicate's any-two-entries form), and what every add keeps besides
 * (records from byte 0, each as long as its length byte says, the next id not FFFFh).
 */
/*@
  requires \valid_read(r);
  assigns \nothing;
  ensures \result != 0 ==> sdr_valid(r);
*/
bool sdr_consistent(const struct sdr *r);

/* Whether reservation `id` holds. */
/*@
  requires \valid_read(r);
  assigns \nothing;
  ensures \result != 0 <==> sdr_reservation_holds(r, id);
*/
bool sdr_reservation_ok(const struct sdr *r, uint16_t id);

/* The number of records. */
/*@
  requires \valid_read(r) && sdr_valid(r);
  assigns \nothing;
  ensures \result == r->count && \result <= SDR_MAX_RECORDS;
*/
size_t sdr_count(const struct sdr *r);

/* Free bytes for records: 0 when the index is full. */
/*@
  requires \valid_read(r) && sdr_valid(r);
  assigns \nothing;
  ensures r->count < SDR_MAX_RECORDS ==> \result == SDR_POOL_SIZE - sdr_used(r);
  ensures r->count >= SDR_MAX_RECORDS ==> \result == 0;
  ensures \result <= SDR_POOL_SIZE;
*/
size_t sdr_free(const struct sdr *r);

/* The length of record `index`. */
/*@
  requires \valid_read(r) && sdr_valid(r) && index < r->count;
  assigns \nothing;
  ensures \result == sdr_len(r, index);
  ensures SDR_HEADER_LEN <= \result;
  ensures 0 <= r->start[index] && r->start[index] + \result <= SDR_POOL_SIZE;
*/
size_t sdr_len_at(const struct sdr *r, size_t index);

/* Record `index`'s bytes, sdr_len_at(r, index) of them (for the sensors, and for
   ipmi_bmc_sdr_find). */
/*@
  requires \valid_read(r) && sdr_valid(r) && index < r->count;
  assigns \nothing;
  ensures \result == &r->pool[r->start[index]];
  ensures \valid_read(\result + (0 .. sdr_len(r, index) - 1));
*/
const uint8_t *sdr_record_at(const struct sdr *r, size_t index);

/* The id of record `index`. */
/*@
  requires \valid_read(r) && sdr_valid(r) && index < r->count;
  assigns \nothing;
  ensures \result == sdr_id(r, index);
*/
uint16_t sdr_id_at(const struct sdr *r, size_t index);

/* The index of the record `id` names (0000h: the first, FFFFh: the last, else the
   first record with that id), or count if there is none. */
/*@
  requires \valid_read(r) && sdr_valid(r);
  assigns \nothing;
  ensures \result <= r->count;
*/
size_t sdr_find(const struct sdr *r, uint16_t id);

/* The index of the first record whose id is `id` (no names), or count if none. */
/*@
  requires \valid_read(r) && sdr_valid(r);
  assigns \nothing;
  ensures \result <= r->count;
  ensures \result < r->count ==> sdr_id(r, \result) == id;
*/
size_t sdr_find_exact(const struct sdr *r, uint16_t id);

/*
 * Adds a record of `len` bytes at time `time` (SEL time): its bytes 0-1 become its new
 * id (the rest is kept as given); the reservation and a Partial Add SDR in progress
 * are cancelled. A record that does not fit is refused and the overflow flag set.
 * Returns whether it was added; *id is its id then. The caller checks that the
 * record's length byte says `len`.
 */
/*@
  requires \valid(r) && sdr_valid(r);
  requires SDR_HEADER_LEN <= len <= SDR_RECORD_MAX;
  requires \valid_read(rec + (0 .. len - 1)) && \valid(id);
  requires \separated(r, id, rec + (0 .. len - 1));
  assigns *r, *id;
  ensures sdr_valid(r);
  ensures \result != 0 <==> \old(sdr_fits(r, len));
  ensures \result != 0 ==> r->count == \old(r->count) + 1 && !r->reserved && !sdr_pending(r)
          && *id == \old(r->next_id) && r->last_add == time;
  ensures \result == 0 ==> r->overflow && r->count == \old(r->count)
          && r->reserved == \old(r->reserved) && r->pending_total == \old(r->pending_total);
*/
bool sdr_add(struct sdr *r, uint32_t time, const uint8_t *rec, size_t len, uint16_t *id);

/* Deletes record `index` at time `time`, closing the gap; cancels the reservation and
   a Partial Add SDR in progress; the last erase time becomes `time`. */
/*@
  requires \valid(r) && sdr_valid(r) && index < r->count;
  assigns *r;
  ensures sdr_valid(r);
  ensures r->count == \old(r->count) - 1 && !r->reserved && !sdr_pending(r);
  ensures r->last_erase == time;
*/
void sdr_delete(struct sdr *r, size_t index, uint32_t time);

/* Erases every record at time `time`: ids start over at 0000h, the overflow flag
   drops, the reservation and a Partial Add SDR in progress are cancelled. */
/*@
  requires \valid(r) && sdr_valid(r);
  assigns r->count, r->start[0], r->next_id, r->overflow, r->reserved, r->pending_total,
          r->last_erase;
  ensures sdr_valid(r) && sdr_used(r) == 0;
  ensures r->count == 0 && r->next_id == 0 && !r->overflow && !r->reserved && !sdr_pending(r);
  ensures r->last_erase == time;
*/
void sdr_clear(struct sdr *r, uint32_t time);

/*
 * Partial Add SDR (section 33.13): the first part of a new record, `n` bytes holding
 * at least its header, whose length byte says how long the record is (at least n).
 * Its bytes go to the free space and wait there for the rest; a Partial Add in
 * progress is dropped. A record that would not fit is refused at once and the
 * overflow flag set. Returns whether it was taken.
 */
/*@
  requires \valid(r) && sdr_valid(r);
  requires SDR_HEADER_LEN <= n && \valid_read(data + (0 .. n - 1));
  requires n <= data[SDR_LENGTH_BYTE] + SDR_HEADER_LEN;
  requires \separated(r, data + (0 .. n - 1));
  assigns r->pool[0 .. SDR_POOL_SIZE - 1], r->pending_len, r->pending_total, r->overflow;
  ensures sdr_valid(r);
  ensures \result != 0 <==> \old(sdr_fits(r, data[SDR_LENGTH_BYTE] + SDR_HEADER_LEN));
  ensures \result != 0 ==> r->pending_len == n
          && r->pending_total == \old(data[SDR_LENGTH_BYTE]) + SDR_HEADER_LEN;
  ensures \result == 0 ==> r->overflow && r->pending_len == \old(r->pending_len)
          && r->pending_total == \old(r->pending_total);
*/
bool sdr_partial_start(struct sdr *r, const uint8_t *data, size_t n);

/* The next `n` bytes of the Partial Add in progress. */
/*@
  requires \valid(r) && sdr_valid(r) && sdr_pending(r);
  requires r->pending_len + n <= r->pending_total;
  requires \valid_read(data + (0 .. n - 1)) && \separated(r, data + (0 .. n - 1));
  assigns r->pool[0 .. SDR_POOL_SIZE - 1], r->pending_len;
  ensures sdr_valid(r) && sdr_pending(r);
  ensures r->pending_len == \old(r->pending_len) + n;
*/
void sdr_partial_write(struct sdr *r, const uint8_t *data, size_t n);

/* The Partial Add in progress, complete, becomes a record at time `time`, as sdr_add
   adds one. Returns its id. */
/*@
  requires \valid(r) && sdr_valid(r) && sdr_pending(r);
  requires r->pending_len == r->pending_total;
  assigns r->pool[r->start[r->count]], r->pool[r->start[r->count] + 1],
          r->start[r->count + 1], r->count, r->next_id, r->pending_total, r->reserved,
          r->last_add;
  ensures sdr_valid(r);
  ensures \result == \old(r->next_id);
  ensures r->count == \old(r->count) + 1 && !r->reserved && !sdr_pending(r);
  ensures r->last_add == time;
*/
uint16_t sdr_partial_commit(struct sdr *r, uint32_t time);

/* What is wrong with an sdrfile (sdr_load). */
enum sdr_load_error {
    SDR_LOAD_OK,
    SDR_LOAD_TRUNCATED_HEADER, /* fewer than 5 bytes left for the next record's header */
    SDR_LOAD_TRUNCATED_RECORD, /* a header's length byte says more than the file has */
    SDR_LOAD_FULL,             /* the records do not all fit in the repository */
};

/*
 * The repository from an sdrfile, read as upstream reads one (ipmi_sdr_init): the file
 * is records one after the other, each as long as its header's length byte says (5 +
 * byte 4), each given the next id as Add SDR would. An empty file is an empty
 * repository. Upstream stops at a truncated header or record with an error message and
 * keeps what came before, and leaves out a record that does not fit (or of more than
 * 255 bytes, which IPMI allows and this repository keeps); here each of those is an
 * error, and *where is the byte offset of the record at fault (the file's length when
 * it loaded). On error the repository holds the records before that one.
 */
/*@
  requires \valid(r) && \valid(where) && \separated(r, where);
  requires \valid_read(file + (0 .. len - 1));
  requires \separated(r, where, file + (0 .. len - 1));
  assigns *r, *where;
  ensures sdr_valid(r);
  ensures *where <= len;
  ensures \result == SDR_LOAD_OK || \result == SDR_LOAD_TRUNCATED_HEADER
          || \result == SDR_LOAD_TRUNCATED_RECORD || \result == SDR_LOAD_FULL;
  ensures \result == SDR_LOAD_OK ==> *where == len && !r->reserved && !sdr_pending(r);
*/
enum sdr_load_error sdr_load(struct sdr *r, const uint8_t *file, size_t len, size_t *where);

#endif /* SDR_H */
