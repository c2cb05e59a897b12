/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Get/Set System Info Parameters and Get System Interface Capabilities (App NetFn,
 * sections 22.14a, 22.14b and 22.9). The parameters' store is verified/sysinfo.h.
 */
#include "bmc.h"
#include "cmd_app.h"

#include "bytes.h"
#include "kcs_machine.h"
#include "ssif_machine.h"
#include "sysinfo.h"

#define SYSINFO_REVISION 0x11
#define SYSINFO_REVISION_ONLY 0x80
#define SYSINFO_STATE_MASK 0x03

#define INTERFACE_SSIF 0
#define INTERFACE_KCS 1
#define KCS_VERSION_1_0 0

/*@
  predicate sysinfo_string(integer p) =
    BMC_SYSINFO_FIRST_STRING <= p <= BMC_SYSINFO_LAST_STRING;
*/

/*
 * The set-in-progress state: "set in progress" may only follow "set complete" (81h
 * otherwise); a commit write is taken as done at once, so the state returns to
 * complete (the parameters take effect as they are written).
 */
/*@
  requires \valid(s);
  assigns s->set_in_progress;
  ensures \result == IPMI_CC_SUCCESS || \result == IPMI_CC_INVALID_DATA_FIELD
          || \result == IPMI_CC_SET_IN_PROGRESS;
  ensures \result == IPMI_CC_SUCCESS ==> s->set_in_progress <= BMC_SYSINFO_STATE_LAST;
*/
static uint8_t sysinfo_set_state(struct bmc_sysinfo *s, uint8_t value)
{
    uint8_t state = value & SYSINFO_STATE_MASK;

    if ((value & (uint8_t)~SYSINFO_STATE_MASK) != 0 || state > BMC_SYSINFO_STATE_LAST) {
        return IPMI_CC_INVALID_DATA_FIELD;
    }
    if (state == BMC_SYSINFO_SETTING && s->set_in_progress == BMC_SYSINFO_SETTING) {
        return IPMI_CC_SET_IN_PROGRESS;
    }
    s->set_in_progress = state == BMC_SYSINFO_COMMIT ? BMC_SYSINFO_SET_COMPLETE : state;
    return IPMI_CC_SUCCESS;
}

/*@
  ensures req->parameter > BMC_SYSINFO_LAST_STRING ==>
          \result == IPMI_CC_PARAMETER_NOT_SUPPORTED;
  ensures sysinfo_string(req->parameter) && req->data_len != 1 + BMC_SYSINFO_BLOCK_LEN ==>
          \result == IPMI_CC_REQUEST_DATA_LENGTH_INVALID;
  ensures \result == IPMI_CC_SUCCESS && sysinfo_string(req->parameter) ==>
          \forall integer k; 0 <= k < BMC_SYSINFO_BLOCK_LEN ==>
            b->state.sysinfo.strings[req->parameter - BMC_SYSINFO_FIRST_STRING]
                                    [req->data[0]][k] == req->data[1 + k];
*/
uint8_t app_set_system_info_parameters(struct bmc *b, struct bmc_call *call,
                                       const struct app_set_system_info_parameters_req *req)
{
    struct bmc_sysinfo *s = &b->state.sysinfo;
    uint8_t block;

    (void)call;
    if (req->parameter > BMC_SYSINFO_LAST_STRING) {
        return IPMI_CC_PARAMETER_NOT_SUPPORTED;
    }
    if (req->parameter == BMC_SYSINFO_SET_IN_PROGRESS) {
        if (req->data_len != 1) {
            return IPMI_CC_REQUEST_DATA_LENGTH_INVALID;
        }
        return sysinfo_set_state(s, req->data[0]);
    }
    if (req->data_len != 1 + BMC_SYSINFO_BLOCK_LEN) {
        return IPMI_CC_REQUEST_DATA_LENGTH_INVALID;
    }
    block = req->data[0];
    if (block >= BMC_SYSINFO_BLOCKS) {
        return IPMI_CC_PARAMETER_OUT_OF_RANGE;
    }
    bytes_copy(s->strings[req->parameter - BMC_SYSINFO_FIRST_STRING][block], req->data + 1,
               BMC_SYSINFO_BLOCK_LEN);
    return IPMI_CC_SUCCESS;
}

/*@
  ensures req->parameter > BMC_SYSINFO_LAST_STRING ==>
          \result == IPMI_CC_PARAMETER_NOT_SUPPORTED;
  ensures \result == IPMI_CC_SUCCESS ==> rsp->revision == SYSINFO_REVISION;
  ensures \result == IPMI_CC_SUCCESS && (req->flags & SYSINFO_REVISION_ONLY) != 0 ==>
          rsp->data_len == 0;
*/
uint8_t app_get_system_info_parameters(struct bmc *b, struct bmc_call *call,
                                       const struct app_get_system_info_parameters_req *req,
                                       struct app_get_system_info_parameters_rsp *rsp)
{
    const struct bmc_sysinfo *s = &b->state.sysinfo;

    (void)call;
    if (req->parameter > BMC_SYSINFO_LAST_STRING) {
        return IPMI_CC_PARAMETER_NOT_SUPPORTED;
    }
    rsp->revision = SYSINFO_REVISION;
    rsp->data_len = 0;
    if ((req->flags & SYSINFO_REVISION_ONLY) != 0) {
        return IPMI_CC_SUCCESS;
    }
    if (req->parameter == BMC_SYSINFO_SET_IN_PROGRESS) {
        rsp->data[0] = s->set_in_progress;
        rsp->data_len = 1;
        return IPMI_CC_SUCCESS;
    }
    if (req->set_selector >= BMC_SYSINFO_BLOCKS) {
        return IPMI_CC_PARAMETER_OUT_OF_RANGE;
    }
    rsp->data[0] = req->set_selector;
    bytes_copy(rsp->data + 1, s->strings[req->parameter - BMC_SYSINFO_FIRST_STRING]
                                        [req->set_selector], BMC_SYSINFO_BLOCK_LEN);
    rsp->data_len = 1 + BMC_SYSINFO_BLOCK_LEN;
    return IPMI_CC_SUCCESS;
}

/* A message size in a one-byte field: at most 255. */
/*@
  assigns \nothing;
  ensures \result == (n <= 255 ? n : 255);
*/
static uint8_t one_byte_size(size_t n)
{
    return n <= 255 ? (uint8_t)n : 255;
}

/*
 * What each system interface takes (section 22.9), from its spec: the SSIF figures
 * are those the SSIF machine answers with itself (generated/ssif_machine.h); over KCS
 * the largest request a one-byte field can say.
 */
/*@
  ensures \result == IPMI_CC_SUCCESS;
  ensures rsp->reserved == 0;
  ensures req->interface_type == INTERFACE_SSIF ==> rsp->capabilities_len == 3;
  ensures req->interface_type == INTERFACE_KCS ==> rsp->capabilities_len == 2;
*/
uint8_t app_get_system_interface_capabilities(
    struct bmc *b, struct bmc_call *call,
    const struct app_get_system_interface_capabilities_req *req,
    struct app_get_system_interface_capabilities_rsp *rsp)
{
    (void)b;
    (void)call;
    rsp->reserved = 0;
    if (req->interface_type == INTERFACE_SSIF) {
        rsp->capabilities[0] = (uint8_t)((SSIF_CAPABILITIES_TRANSACTIONS << 6) |
                                         (SSIF_PEC << 3) | SSIF_CAPABILITIES_VERSION);
        rsp->capabilities[1] = one_byte_size(SSIF_REQUEST_CAPACITY);
        rsp->capabilities[2] = one_byte_size(SSIF_RESPONSE_CAPACITY);
        rsp->capabilities_len = 3;
    } else {
        rsp->capabilities[0] = KCS_VERSION_1_0;
        rsp->capabilities[1] = one_byte_size(KCS_REQUEST_CAPACITY);
        rsp->capabilities_len = 2;
    }
    return IPMI_CC_SUCCESS;
}
