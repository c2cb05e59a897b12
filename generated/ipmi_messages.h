/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPMI message framing and completion codes.
 * IPMI v2.0 rev 1.1, sections 5.1 to 5.2 and table 5-2.
 *
 * Generated from spec/messages.yaml by generator/ipmigen (template messages.h.j2).
 * Do not edit: change the spec and rebuild.
 */
#ifndef IPMI_MESSAGES_H
#define IPMI_MESSAGES_H

#include <stdint.h>

#define IPMI_REQUEST_HEADER 2
#define IPMI_RESPONSE_HEADER 3
#define IPMI_NETFN_SHIFT 2
#define IPMI_LUN_MASK 0x03
#define IPMI_RESPONSE_NETFN_BIT 0x04
#define IPMI_MAX_MESSAGE 300

/* Network functions (requests; a response's NetFn is one more). */
#define IPMI_NETFN_CHASSIS 0x00
#define IPMI_NETFN_BRIDGE 0x02
#define IPMI_NETFN_SENSOR_EVENT 0x04
#define IPMI_NETFN_APP 0x06
#define IPMI_NETFN_FIRMWARE 0x08
#define IPMI_NETFN_STORAGE 0x0a
#define IPMI_NETFN_TRANSPORT 0x0c
#define IPMI_NETFN_GROUP_EXTENSION 0x2c
#define IPMI_NETFN_OEM_GROUP 0x2e
#define IPMI_NETFN_OEM 0x3a

/* Completion codes. */
#define IPMI_CC_SUCCESS 0x00 /* Command completed normally */
#define IPMI_CC_WATCHDOG_NOT_INITIALIZED 0x80 /* Reset Watchdog Timer (section 27.5): attempt to start an uninitialized watchdog */
#define IPMI_CC_DATA_NOT_AVAILABLE 0x80 /* Get Message, Read Event Message Buffer (sections 22.6, 22.8): data not available (queue or buffer empty) */
#define IPMI_CC_PARAMETER_NOT_SUPPORTED 0x80 /* Get/Set System Info Parameters (section 22.14a): parameter not supported */
#define IPMI_CC_SDR_LENGTH_MISMATCH 0x80 /* Partial Add SDR (section 33.13): record rejected due to length mismatch (a part runs past the length its header gives, or the last part ends short of it) */
#define IPMI_CC_SET_IN_PROGRESS 0x81 /* Set System Info Parameters (section 22.14a): attempt to set 'set in progress' when not in 'set complete' state */
#define IPMI_CC_NAK_ON_WRITE 0x83 /* Send Message (section 22.7): NAK on write (no device answered at that address) */
#define IPMI_CC_NODE_BUSY 0xc0 /* Node busy */
#define IPMI_CC_INVALID_COMMAND 0xc1 /* Invalid command */
#define IPMI_CC_INVALID_FOR_LUN 0xc2 /* Command invalid for given LUN */
#define IPMI_CC_TIMEOUT 0xc3 /* Timeout while processing command */
#define IPMI_CC_OUT_OF_SPACE 0xc4 /* Out of space */
#define IPMI_CC_RESERVATION_INVALID 0xc5 /* Reservation cancelled or invalid reservation ID */
#define IPMI_CC_REQUEST_DATA_TRUNCATED 0xc6 /* Request data truncated */
#define IPMI_CC_REQUEST_DATA_LENGTH_INVALID 0xc7 /* Request data length invalid */
#define IPMI_CC_REQUEST_DATA_FIELD_TOO_LONG 0xc8 /* Request data field length limit exceeded */
#define IPMI_CC_PARAMETER_OUT_OF_RANGE 0xc9 /* Parameter out of range */
#define IPMI_CC_CANNOT_RETURN_BYTES 0xca /* Cannot return number of requested data bytes */
#define IPMI_CC_NOT_PRESENT 0xcb /* Requested sensor, data, or record not present */
#define IPMI_CC_INVALID_DATA_FIELD 0xcc /* Invalid data field in request */
#define IPMI_CC_ILLEGAL_FOR_RECORD 0xcd /* Command illegal for specified sensor or record type */
#define IPMI_CC_NO_RESPONSE 0xce /* Command response could not be provided */
#define IPMI_CC_DUPLICATED_REQUEST 0xcf /* Cannot execute duplicated request */
#define IPMI_CC_SDR_UPDATE_MODE 0xd0 /* SDR repository in update mode */
#define IPMI_CC_FIRMWARE_UPDATE_MODE 0xd1 /* Device in firmware update mode */
#define IPMI_CC_INIT_IN_PROGRESS 0xd2 /* BMC initialization in progress */
#define IPMI_CC_DESTINATION_UNAVAILABLE 0xd3 /* Destination unavailable */
#define IPMI_CC_INSUFFICIENT_PRIVILEGE 0xd4 /* Insufficient privilege level */
#define IPMI_CC_NOT_SUPPORTED_IN_STATE 0xd5 /* Command not supported in present state */
#define IPMI_CC_PARAMETER_ILLEGAL 0xd6 /* Sub-function disabled or unavailable */
#define IPMI_CC_UNSPECIFIED 0xff /* Unspecified error */

/*@
  assigns \nothing;
  ensures \valid_read(\result);
*/
const char *ipmi_completion_code_name(uint8_t cc);

#endif /* IPMI_MESSAGES_H */
