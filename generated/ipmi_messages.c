/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPMI message framing and completion codes.
 *
 * Generated from spec/messages.yaml by generator/ipmigen (template messages.c.j2).
 * Do not edit: change the spec and rebuild.
 */
#include "ipmi_messages.h"

/* For traces and error messages: a completion code as the IPMI spec words it. */
const char *ipmi_completion_code_name(uint8_t cc)
{
    switch (cc) {
    case IPMI_CC_SUCCESS:
        return "Command completed normally";
    case IPMI_CC_WATCHDOG_NOT_INITIALIZED:
        return "Reset Watchdog Timer (section 27.5): attempt to start an uninitialized watchdog; Get Message, Read Event Message Buffer (sections 22.6, 22.8): data not available (queue or buffer empty); Get/Set System Info Parameters (section 22.14a): parameter not supported; Partial Add SDR (section 33.13): record rejected due to length mismatch (a part runs past the length its header gives, or the last part ends short of it)";
    case IPMI_CC_SET_IN_PROGRESS:
        return "Set System Info Parameters (section 22.14a): attempt to set 'set in progress' when not in 'set complete' state";
    case IPMI_CC_NAK_ON_WRITE:
        return "Send Message (section 22.7): NAK on write (no device answered at that address)";
    case IPMI_CC_NODE_BUSY:
        return "Node busy";
    case IPMI_CC_INVALID_COMMAND:
        return "Invalid command";
    case IPMI_CC_INVALID_FOR_LUN:
        return "Command invalid for given LUN";
    case IPMI_CC_TIMEOUT:
        return "Timeout while processing command";
    case IPMI_CC_OUT_OF_SPACE:
        return "Out of space";
    case IPMI_CC_RESERVATION_INVALID:
        return "Reservation cancelled or invalid reservation ID";
    case IPMI_CC_REQUEST_DATA_TRUNCATED:
        return "Request data truncated";
    case IPMI_CC_REQUEST_DATA_LENGTH_INVALID:
        return "Request data length invalid";
    case IPMI_CC_REQUEST_DATA_FIELD_TOO_LONG:
        return "Request data field length limit exceeded";
    case IPMI_CC_PARAMETER_OUT_OF_RANGE:
        return "Parameter out of range";
    case IPMI_CC_CANNOT_RETURN_BYTES:
        return "Cannot return number of requested data bytes";
    case IPMI_CC_NOT_PRESENT:
        return "Requested sensor, data, or record not present";
    case IPMI_CC_INVALID_DATA_FIELD:
        return "Invalid data field in request";
    case IPMI_CC_ILLEGAL_FOR_RECORD:
        return "Command illegal for specified sensor or record type";
    case IPMI_CC_NO_RESPONSE:
        return "Command response could not be provided";
    case IPMI_CC_DUPLICATED_REQUEST:
        return "Cannot execute duplicated request";
    case IPMI_CC_SDR_UPDATE_MODE:
        return "SDR repository in update mode";
    case IPMI_CC_FIRMWARE_UPDATE_MODE:
        return "Device in firmware update mode";
    case IPMI_CC_INIT_IN_PROGRESS:
        return "BMC initialization in progress";
    case IPMI_CC_DESTINATION_UNAVAILABLE:
        return "Destination unavailable";
    case IPMI_CC_INSUFFICIENT_PRIVILEGE:
        return "Insufficient privilege level";
    case IPMI_CC_NOT_SUPPORTED_IN_STATE:
        return "Command not supported in present state";
    case IPMI_CC_PARAMETER_ILLEGAL:
        return "Sub-function disabled or unavailable";
    case IPMI_CC_UNSPECIFIED:
        return "Unspecified error";
    default:
        return "Unknown completion code";
    }
}
