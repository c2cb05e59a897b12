/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The System Event Log; see sel.h.
 */
#include "sel.h"

#include "bytes.h"

void sel_init(struct sel *s)
{
    s->count = 0;
    s->next_id = 1;
    s->reservation = 0;
    s->reserved = false;
    s->last_add = SEL_TIME_NEVER;
    s->last_erase = SEL_TIME_NEVER;
    s->time_offset = 0;
    s->overflow = false;
}

uint32_t sel_time(const struct sel *s, uint64_t now)
{
    return (uint32_t)((uint64_t)s->time_offset + now / 1000);
}

void sel_set_time(struct sel *s, uint64_t now, uint32_t time)
{
    s->time_offset = time - (uint32_t)(now / 1000);
}

uint16_t sel_reserve(struct sel *s)
{
    uint16_t id = s->reservation >= 0xffff ? 1 : (uint16_t)(s->reservation + 1);

    s->reservation = id;
    s->reserved = true;
    return id;
}

bool sel_reservation_ok(const struct sel *s, uint16_t id)
{
    return s->reserved && id != 0 && id == s->reservation;
}

uint16_t sel_id_at(const struct sel *s, size_t index)
{
    return (uint16_t)(s->entries[index][0] + 256 * s->entries[index][1]);
}

size_t sel_used(const struct sel *s)
{
    return s->count <= BMC_SEL_CAPACITY ? s->count : BMC_SEL_CAPACITY;
}

size_t sel_find(const struct sel *s, uint16_t id)
{
    size_t used = sel_used(s);
    size_t i;

    if (used == 0 || id == SEL_FIRST_ID) {
        return 0;
    }
    if (id == SEL_LAST_ID) {
        return used - 1;
    }
    /*@
      loop invariant 0 <= i <= used;
      loop assigns i;
      loop variant used - i;
    */
    for (i = 0; i < used; i++) {
        if (sel_id_at(s, i) == id) {
            return i;
        }
    }
    return used;
}

/*
 * Stores a record at the end: bytes 0-1 are its id, bytes 3-6 of a system event record
 * the SEL time.
 */
/*@
  requires \valid(s) && s->count < BMC_SEL_CAPACITY;
  requires \valid_read(record + (0 .. SEL_RECORD_LEN - 1));
  requires \separated(s, record + (0 .. SEL_RECORD_LEN - 1));
  assigns s->entries[s->count][0 .. SEL_RECORD_LEN - 1];
  ensures s->entries[s->count][0] + 256 * s->entries[s->count][1] == id;
*/
static void sel_store(struct sel *s, const uint8_t record[SEL_RECORD_LEN], uint16_t id,
                      uint32_t time)
{
    uint8_t *e = s->entries[s->count];

    bytes_copy(e, record, SEL_RECORD_LEN);
    e[0] = (uint8_t)(id % 256);
    e[1] = (uint8_t)(id / 256);
    if (record[2] == SEL_RECORD_SYSTEM_EVENT) {
        e[3] = (uint8_t)(time % 256);
        e[4] = (uint8_t)(time / 256 % 256);
        e[5] = (uint8_t)(time / 65536 % 256);
        e[6] = (uint8_t)(time / 16777216);
    }
}

bool sel_add(struct sel *s, uint64_t now, const uint8_t record[SEL_RECORD_LEN], uint16_t *id)
{
    uint32_t time = sel_time(s, now);

    if (s->count >= BMC_SEL_CAPACITY) {
        s->overflow = true;
        return false;
    }
    *id = s->next_id;
    sel_store(s, record, s->next_id, time);
    s->count++;
    s->next_id = s->next_id >= 0xfffe ? 1 : (uint16_t)(s->next_id + 1);
    s->reserved = false;
    s->last_add = time;
    return true;
}

bool sel_log(struct sel *s, uint64_t now, const uint8_t record[SEL_RECORD_LEN])
{
    uint16_t id;

    return sel_add(s, now, record, &id);
}

void sel_delete(struct sel *s, size_t index)
{
    size_t used = sel_used(s);
    size_t i;

    /*@
      loop invariant index <= i <= used - 1;
      loop assigns i, s->entries[0 .. BMC_SEL_CAPACITY - 1][0 .. SEL_RECORD_LEN - 1];
      loop variant used - 1 - i;
    */
    for (i = index; i + 1 < used; i++) {
        bytes_copy(s->entries[i], s->entries[i + 1], SEL_RECORD_LEN);
    }
    s->count = (uint16_t)(used - 1);
    s->reserved = false;
}

void sel_clear(struct sel *s, uint64_t now)
{
    s->count = 0;
    s->next_id = 1;
    s->overflow = false;
    s->reserved = false;
    s->last_erase = sel_time(s, now);
}
