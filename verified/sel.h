/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The System Event Log (IPMI 2.0 section 31): a fixed number of 16-byte records,
 * oldest first, the reservation that guards partial reads, deletes and clears, and the
 * SEL's clock.
 *
 * Records are kept in the order they were added; a delete closes the gap. A record's
 * id is in its bytes 0-1 (least significant first). Ids count up from 1 and start over
 * at 1 after a Clear SEL; 0000h and FFFFh name the first and the last record, so they
 * are never ids. After 65534 adds without a clear the ids start over at 1 too (an old
 * record still kept may then share an id with a new one; lookups find the older).
 *
 * The SEL's time is seconds: offset + now / 1000, modulo 2^32, with now the caller's
 * milliseconds. Set SEL Time moves the offset.
 */
#ifndef SEL_H
#define SEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BMC_SEL_CAPACITY 64
#define SEL_RECORD_LEN 16
#define SEL_FIRST_ID 0x0000        /* names the first record */
#define SEL_LAST_ID 0xffff         /* names the last record; "no next record" */
#define SEL_TIME_NEVER 0xffffffffu /* a last add or erase time before any */
#define SEL_RECORD_SYSTEM_EVENT 0x02 /* record type (byte 2) with a timestamp in bytes 3-6 */

struct sel {
    uint8_t entries[BMC_SEL_CAPACITY][SEL_RECORD_LEN];
    uint16_t count;            /* entries[0 .. count - 1] hold records */
    uint16_t next_id;          /* the id the next add assigns, 1 .. FFFEh */
    uint16_t reservation;      /* the last reservation id handed out (0: none yet) */
    bool reserved;             /* it still holds: nothing has changed since */
    uint32_t last_add;         /* SEL time, or SEL_TIME_NEVER */
    uint32_t last_erase;       /* SEL time, or SEL_TIME_NEVER */
    uint32_t time_offset;      /* SEL time = time_offset + now / 1000 */
    bool overflow;             /* an add was refused because the SEL was full */
};

/*@
  predicate sel_valid(struct sel *s) =
    s->count <= BMC_SEL_CAPACITY && 1 <= s->next_id <= 0xfffe;

  // The SEL's time at now, in seconds, modulo 2^32 (a cast in ACSL is modulo).
  logic integer sel_time_at(struct sel *s, integer now) =
    (uint32_t)(s->time_offset + now / 1000);

  // The records in use: count, which no function makes more than BMC_SEL_CAPACITY;
  // were it more, the SEL would be taken as full.
  logic integer sel_used_count(struct sel *s) =
    s->count <= BMC_SEL_CAPACITY ? s->count : BMC_SEL_CAPACITY;

  // The reservation `id` holds: handed out, and nothing changed since.
  predicate sel_reservation_holds(struct sel *s, integer id) =
    s->reserved && id == s->reservation && id != 0;
*/

/* An empty SEL, its time at offset 0, no reservation. */
/*@
  requires \valid(s);
  assigns *s;
  ensures sel_valid(s);
  ensures s->count == 0 && s->time_offset == 0 && !s->overflow && !s->reserved;
  ensures s->last_add == SEL_TIME_NEVER && s->last_erase == SEL_TIME_NEVER;
*/
void sel_init(struct sel *s);

/* The SEL's time at `now` (milliseconds). */
/*@
  requires \valid_read(s);
  assigns \nothing;
  ensures \result == sel_time_at(s, now);
*/
uint32_t sel_time(const struct sel *s, uint64_t now);

/* Sets the SEL's time at `now` to `time`. */
/*@
  requires \valid(s);
  assigns s->time_offset;
*/
void sel_set_time(struct sel *s, uint64_t now, uint32_t time);

/* A new reservation, never 0000h, cancelling the one before. */
/*@
  requires \valid(s);
  assigns s->reservation, s->reserved;
  ensures \result != 0 && \result != \old(s->reservation);
  ensures sel_reservation_holds(s, \result);
*/
uint16_t sel_reserve(struct sel *s);

/* Whether reservation `id` holds. */
/*@
  requires \valid_read(s);
  assigns \nothing;
  ensures \result != 0 <==> sel_reservation_holds(s, id);
*/
bool sel_reservation_ok(const struct sel *s, uint16_t id);

/* The records in use (count, or BMC_SEL_CAPACITY were count ever more). */
/*@
  requires \valid_read(s);
  assigns \nothing;
  ensures \result == sel_used_count(s);
*/
size_t sel_used(const struct sel *s);

/* The index of the record `id` names (0000h: the first, FFFFh: the last), or count if
   there is none. */
/*@
  requires \valid_read(s);
  assigns \nothing;
  ensures \result <= sel_used_count(s);
*/
size_t sel_find(const struct sel *s, uint16_t id);

/* The id of the record at `index`. */
/*@
  requires \valid_read(s) && index < sel_used_count(s);
  assigns \nothing;
  ensures \result == s->entries[index][0] + 256 * s->entries[index][1];
*/
uint16_t sel_id_at(const struct sel *s, size_t index);

/*
 * Adds a record at time `now` (milliseconds): its bytes 0-1 become its new id and, for
 * a system event record (type 02h), bytes 3-6 the SEL time (section 31.6). Cancels the
 * reservation. A full SEL refuses it and sets its overflow flag. Returns whether it was
 * added; *id is its id then.
 */
/*@
  requires \valid(s);
  requires \valid_read(record + (0 .. SEL_RECORD_LEN - 1)) && \valid(id);
  requires \separated(s, id, record + (0 .. SEL_RECORD_LEN - 1));
  assigns *s, *id;
  ensures \result != 0 <==> \old(s->count) < BMC_SEL_CAPACITY;
  ensures \result != 0 ==> s->count == \old(s->count) + 1 && !s->reserved &&
          *id == \old(s->next_id) && s->last_add == sel_time_at(s, now);
  ensures \result == 0 ==> s->overflow && s->count == \old(s->count) &&
          s->reserved == \old(s->reserved);
  ensures s->time_offset == \old(s->time_offset);
*/
bool sel_add(struct sel *s, uint64_t now, const uint8_t record[SEL_RECORD_LEN], uint16_t *id);

/*
 * What the sensor and event code calls to log an event record: sel_add without the id.
 * Returns whether it was added (false: the SEL is full, and its overflow flag is set).
 */
/*@
  requires \valid(s);
  requires \valid_read(record + (0 .. SEL_RECORD_LEN - 1));
  requires \separated(s, record + (0 .. SEL_RECORD_LEN - 1));
  assigns *s;
  ensures \result != 0 <==> \old(s->count) < BMC_SEL_CAPACITY;
  ensures \result != 0 ==> s->count == \old(s->count) + 1 && !s->reserved &&
          s->last_add == sel_time_at(s, now);
  ensures \result == 0 ==> s->overflow && s->count == \old(s->count);
  ensures s->time_offset == \old(s->time_offset);
*/
bool sel_log(struct sel *s, uint64_t now, const uint8_t record[SEL_RECORD_LEN]);

/* Deletes the record at `index`, closing the gap; cancels the reservation. */
/*@
  requires \valid(s) && index < sel_used_count(s);
  assigns s->entries[0 .. BMC_SEL_CAPACITY - 1][0 .. SEL_RECORD_LEN - 1], s->count, s->reserved;
  ensures s->count == \old(sel_used_count(s)) - 1 && !s->reserved;
*/
void sel_delete(struct sel *s, size_t index);

/* Erases every record at time `now`: ids start over, the overflow flag drops, the
   reservation is cancelled and the last erase time is now's SEL time. */
/*@
  requires \valid(s);
  assigns s->count, s->next_id, s->overflow, s->reserved, s->last_erase;
  ensures sel_valid(s);
  ensures s->count == 0 && s->next_id == 1 && !s->overflow && !s->reserved;
  ensures s->last_erase == sel_time_at(s, now);
*/
void sel_clear(struct sel *s, uint64_t now);

#endif /* SEL_H */
