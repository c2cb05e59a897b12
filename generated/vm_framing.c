/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * OpenIPMI VM protocol between a virtual machine and an external BMC: the tables a decoder and an encoder need.
 *
 * Generated from spec/vm.yaml by generator/ipmigen (template vm.c.j2).
 * Do not edit: change the spec and rebuild.
 */
#include "vm_framing.h"

bool vm_is_special(uint8_t b)
{
    switch (b) {
    case VM_MESSAGE_END:
    case VM_COMMAND_END:
    case VM_ESCAPE:
        return true;
    default:
        return false;
    }
}

int vm_unescape(uint8_t b)
{
    switch (b) {
    case VM_MESSAGE_END_ESCAPED:
        return VM_MESSAGE_END;
    case VM_COMMAND_END_ESCAPED:
        return VM_COMMAND_END;
    case VM_ESCAPE_ESCAPED:
        return VM_ESCAPE;
    default:
        return -1;
    }
}

size_t vm_message_min(uint8_t sender)
{
    if (sender == VM_SENDER_VM) {
        return VM_MESSAGE_MIN_VM;
    }
    return VM_MESSAGE_MIN_BMC;
}

int vm_command_args(uint8_t code, uint8_t sender)
{
    switch (code) {
    case VM_CMD_NOATTN:
        return sender == VM_SENDER_BMC ? VM_CMD_NOATTN_ARGS : -1;
    case VM_CMD_ATTN:
        return sender == VM_SENDER_BMC ? VM_CMD_ATTN_ARGS : -1;
    case VM_CMD_ATTN_IRQ:
        return sender == VM_SENDER_BMC ? VM_CMD_ATTN_IRQ_ARGS : -1;
    case VM_CMD_POWEROFF:
        return sender == VM_SENDER_BMC ? VM_CMD_POWEROFF_ARGS : -1;
    case VM_CMD_RESET:
        return sender < VM_SENDER_COUNT ? VM_CMD_RESET_ARGS : -1;
    case VM_CMD_ENABLE_IRQ:
        return sender == VM_SENDER_BMC ? VM_CMD_ENABLE_IRQ_ARGS : -1;
    case VM_CMD_DISABLE_IRQ:
        return sender == VM_SENDER_BMC ? VM_CMD_DISABLE_IRQ_ARGS : -1;
    case VM_CMD_SEND_NMI:
        return sender == VM_SENDER_BMC ? VM_CMD_SEND_NMI_ARGS : -1;
    case VM_CMD_CAPABILITIES:
        return sender == VM_SENDER_VM ? VM_CMD_CAPABILITIES_ARGS : -1;
    case VM_CMD_GRACEFUL_SHUTDOWN:
        return sender == VM_SENDER_BMC ? VM_CMD_GRACEFUL_SHUTDOWN_ARGS : -1;
    case VM_CMD_VERSION:
        return sender < VM_SENDER_COUNT ? VM_CMD_VERSION_ARGS : -1;
    default:
        return -1;
    }
}

const char *vm_command_name(uint8_t code)
{
    switch (code) {
    case VM_CMD_NOATTN:
        return "NOATTN";
    case VM_CMD_ATTN:
        return "ATTN";
    case VM_CMD_ATTN_IRQ:
        return "ATTN_IRQ";
    case VM_CMD_POWEROFF:
        return "POWEROFF";
    case VM_CMD_RESET:
        return "RESET";
    case VM_CMD_ENABLE_IRQ:
        return "ENABLE_IRQ";
    case VM_CMD_DISABLE_IRQ:
        return "DISABLE_IRQ";
    case VM_CMD_SEND_NMI:
        return "SEND_NMI";
    case VM_CMD_CAPABILITIES:
        return "CAPABILITIES";
    case VM_CMD_GRACEFUL_SHUTDOWN:
        return "GRACEFUL_SHUTDOWN";
    case VM_CMD_VERSION:
        return "VERSION";
    default:
        return "unknown";
    }
}
