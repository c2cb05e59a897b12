/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * OpenIPMI VM protocol between a virtual machine and an external BMC:
 * the tables, the decoder and the encoders.
 *
 * Generated from spec/vm.yaml by generator/ipmigen (template vm.c.j2).
 * Do not edit: change the spec and rebuild.
 *
 * The decoder is the spec's rules, tried in order for each byte; the encoders write a
 * frame's fields in the order of its layout. Both are calls of the words that
 * verified/vm_codec.c implements; the contracts of the words are in
 * verified/vm_vocabulary.h, those these functions keep in verified/vm_codec.h.
 */
#include "vm_vocabulary.h"

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

bool vm_is_end(uint8_t b)
{
    return b == VM_MESSAGE_END || b == VM_COMMAND_END;
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

struct vm_event vm_decoder_feed(struct vm_decoder *d, uint8_t b)
{
    /* A marker ends the frame, whatever it holds: judge it, start the next. */
    if (vm_is_end(b)) {
        return vm_end_frame(d, b);
    }
    /* The frame is broken already: wait for its end. */
    if (vm_decoder_broken(d)) {
        return vm_no_event();
    }
    /* An escape cannot follow an escape. */
    if (b == VM_ESCAPE && vm_decoder_escaped(d)) {
        vm_bad_escape(d);
        return vm_no_event();
    }
    /* The next byte is an escaped form. */
    if (b == VM_ESCAPE) {
        vm_begin_escape(d);
        return vm_no_event();
    }
    /* After an escape, an escaped form stands for its byte with escape_bit clear. */
    if (vm_decoder_escaped(d)) {
        vm_store_escaped(d, b);
        return vm_no_event();
    }
    /* A plain byte joins the frame. */
    vm_store(d, b);
    return vm_no_event();
}

size_t vm_encode_message(uint8_t seq, const uint8_t *message, size_t message_len,
                         uint8_t *out, size_t cap)
{
    /*
     * seq goes in last, at out[0], in the width left for it: the other bytes'
     * places are computed from message as the caller passed it.
     */
    size_t after_seq = vm_is_special(seq) ? 2 : 1;
    uint8_t checksum = vm_checksum(seq, message, message_len);
    size_t after_message;
    size_t after_checksum;
    size_t after_end;

    if (cap < after_seq) {
        return 0;
    }
    /*@ assert after_seq == vm_width(seq); */
    after_message = vm_put_all(out, cap, after_seq, message, message_len);
    if (after_message == 0) {
        return 0;
    }
    after_checksum = vm_put(out, cap, after_message, checksum);
    if (after_checksum == 0) {
        return 0;
    }
    /*@ assert \forall integer k; 0 <= k < message_len ==>
          vm_encodes(out, after_seq + vm_widths{Pre}(message, k), \at(message[k], Pre)); */
    after_end = vm_put_end(out, cap, after_checksum, VM_MESSAGE_END);
    if (after_end == 0) {
        return 0;
    }
    /*@ assert \forall integer k; 0 <= k < message_len ==>
          vm_encodes(out, after_seq + vm_widths{Pre}(message, k), \at(message[k], Pre)); */
    vm_put_head(out, after_seq, seq);
    /*@ assert \forall integer k; 0 <= k < message_len ==>
          vm_encodes(out, after_seq + vm_widths{Pre}(message, k), \at(message[k], Pre)); */
    return after_end;
}

size_t vm_encode_command(uint8_t code, const uint8_t *args, size_t args_len,
                         uint8_t *out, size_t cap)
{
    /*
     * code goes in last, at out[0], in the width left for it: the other bytes'
     * places are computed from args as the caller passed it.
     */
    size_t after_code = vm_is_special(code) ? 2 : 1;
    size_t after_args;
    size_t after_end;

    if (cap < after_code) {
        return 0;
    }
    /*@ assert after_code == vm_width(code); */
    after_args = vm_put_all(out, cap, after_code, args, args_len);
    if (after_args == 0) {
        return 0;
    }
    after_end = vm_put_end(out, cap, after_args, VM_COMMAND_END);
    if (after_end == 0) {
        return 0;
    }
    /*@ assert \forall integer k; 0 <= k < args_len ==>
          vm_encodes(out, after_code + vm_widths{Pre}(args, k), \at(args[k], Pre)); */
    vm_put_head(out, after_code, code);
    /*@ assert \forall integer k; 0 <= k < args_len ==>
          vm_encodes(out, after_code + vm_widths{Pre}(args, k), \at(args[k], Pre)); */
    return after_end;
}
