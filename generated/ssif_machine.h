/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SMBus System Interface (SSIF): what the spec decides.
 * IPMI v2.0 rev 1.1, section 12 (SSIF Interface).
 *
 * Generated from spec/ssif.yaml by generator/ipmigen (template ssif.h.j2).
 * Do not edit: change the spec and rebuild.
 *
 * The largest messages, the chunk an SMBus block carries and its markers, the SMBus
 * commands of each transfer, the capability answer's figures and the transfer phases,
 * with the one fact about each phase the rest of the machine builds on: whether a
 * response is due in it. verified/ssif.h builds the machine on these.
 */
#ifndef SSIF_MACHINE_H
#define SSIF_MACHINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The largest request and response, NetFn/LUN and command included. */
#define SSIF_REQUEST_CAPACITY 255
#define SSIF_RESPONSE_CAPACITY 255

/* Bytes one SMBus block carries, and the markers of a response read in parts. */
#define SSIF_CHUNK 32
#define SSIF_FIRST_MARKER_0 0x00
#define SSIF_FIRST_MARKER_1 0x01
#define SSIF_END_MARKER 0xff
/* Message bytes in the first chunk of a response in parts, and in each after it. */
#define SSIF_FIRST_CHUNK_DATA (SSIF_CHUNK - 2)
#define SSIF_MIDDLE_CHUNK_DATA (SSIF_CHUNK - 1)
/* Packet Error Checking: not supported, and reported so. */
#define SSIF_PEC 0

/* SMBus commands of the write transfer: an SMBus block write to the BMC's address; the block is part of a request. */
#define SSIF_WRITE_SINGLE_PART 0x02
#define SSIF_WRITE_START 0x06
#define SSIF_WRITE_MIDDLE 0x07
#define SSIF_WRITE_END 0x08

/* SMBus commands of the read transfer: an SMBus block read from the BMC's address; the block is part of the response. */
#define SSIF_READ_START 0x03
#define SSIF_READ_MIDDLE 0x09
#define SSIF_READ_RETRY 0x0a

/* Get System Interface Capabilities: its command code and the figures it reports. */
#define SSIF_CAPABILITIES_COMMAND 0x57
#define SSIF_CAPABILITIES_INTERFACE_TYPE 0
#define SSIF_CAPABILITIES_TRANSACTIONS 2
#define SSIF_CAPABILITIES_VERSION 0

/* Transfer phases. */
enum ssif_phase {
    SSIF_PHASE_IDLE = 0, /* No request in flight and no response to read; the host may write a request. */
    SSIF_PHASE_WRITING = 1, /* A multi-part request has begun; middle and end parts are due. */
    SSIF_PHASE_BUSY = 2, /* The BMC has the request; reads are not acknowledged until it answers. */
    SSIF_PHASE_RESPONSE = 3, /* A response is ready; a read returns it (or its first chunk) and it stays until the next request. */
    SSIF_PHASE_READING = 4, /* A multi-part read is under way; middle chunks are due. */
};
#define SSIF_PHASE_COUNT 5

/*@
  // Where the BMC holds a request and its response is due.
  predicate ssif_awaits(integer phase) =
    phase == SSIF_PHASE_BUSY;
*/

/*@
  assigns \nothing;
  ensures \result != 0 <==> ssif_awaits(phase);
*/
bool ssif_phase_awaits(uint8_t phase);

#endif /* SSIF_MACHINE_H */
