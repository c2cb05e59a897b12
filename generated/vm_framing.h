/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * OpenIPMI VM protocol between a virtual machine and an external BMC: what the spec decides.
 * OpenIPMI lanserv/README.vm and lanserv/serial_ipmi.c (the VM codec); QEMU hw/ipmi/ipmi_bmc_extern.c.
 *
 * Generated from spec/vm.yaml by generator/ipmigen (template vm.h.j2).
 * Do not edit: change the spec and rebuild.
 *
 * The frame markers and the escape, the frames' layouts and sizes, the capability
 * bits and the control commands, with the tables a decoder needs: which bytes travel
 * escaped, and how many argument bytes each sender's commands carry. The decoder and
 * the encoders generated with these are declared, with their contracts, in
 * verified/vm_codec.h.
 */
#ifndef VM_FRAMING_H
#define VM_FRAMING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VM_PROTOCOL_VERSION 1

/* Frame markers and the escape, and each as it travels after VM_ESCAPE. */
#define VM_MESSAGE_END 0xa0
#define VM_COMMAND_END 0xa1
#define VM_ESCAPE 0xaa
#define VM_ESCAPE_BIT 0x10
#define VM_MESSAGE_END_ESCAPED 0xb0
#define VM_COMMAND_END_ESCAPED 0xb1
#define VM_ESCAPE_ESCAPED 0xba

/* Who sends the bytes a decoder reads. */
#define VM_SENDER_VM 0 /* sends requests */
#define VM_SENDER_BMC 1 /* sends responses */
#define VM_SENDER_COUNT 2

/*
 * A message frame, in order:
 *   seq: chosen by the VM (ipmi-bmc-extern sends the interface's message id); the response repeats it
 *   message: NetFn/LUN, command, for a response the completion code, then data
 *   checksum: the two's complement of the sum of every byte before it, so that all bytes of the frame sum to 0 modulo 256
 * The IPMI message is at most 300 bytes (IPMI_MAX_MESSAGE).
 */
#define VM_SEQ_OFFSET 0
#define VM_MESSAGE_OFFSET 1
#define VM_FRAME_OVERHEAD 2 /* the sequence byte and the checksum, the frame's last byte */
#define VM_FRAME_CAPACITY 302 /* the longest frame: the overhead and IPMI_MAX_MESSAGE bytes */
#define VM_MESSAGE_MIN_VM 4 /* a frame holding the shortest request */
#define VM_MESSAGE_MIN_BMC 5 /* a frame holding the shortest response */
/* The longest message frame on the wire: every byte escaped, then the marker. */
#define VM_ENCODED_MAX 605

/*
 * A control command frame, in order:
 *   code: the command's code
 *   args: its argument bytes
 */
#define VM_COMMAND_CODE_OFFSET 0
#define VM_COMMAND_ARGS_OFFSET 1

/* Capability bits (the CAPABILITIES command's argument). */
#define VM_CAPABILITY_POWER 0x01 /* the VM can power itself off */
#define VM_CAPABILITY_RESET 0x02 /* the VM can reset itself */
#define VM_CAPABILITY_IRQ 0x04 /* the VM can turn the interface's interrupt on and off */
#define VM_CAPABILITY_NMI 0x08 /* the VM can take a non-maskable interrupt */
#define VM_CAPABILITY_ATTN 0x10 /* the VM can set the interface's attention flag */
#define VM_CAPABILITY_GRACEFUL_SHUTDOWN 0x20 /* the VM can ask its guest to shut down */
#define VM_CAPABILITIES_ALL 0x3f

/* Control commands: the code, then its argument bytes. */
#define VM_CMD_NOATTN 0x00 /* clear the interface's attention flag (sent by bmc; needs ATTN) */
#define VM_CMD_NOATTN_ARGS 0
#define VM_CMD_ATTN 0x01 /* set the attention flag without an interrupt (sent by bmc; needs ATTN) */
#define VM_CMD_ATTN_ARGS 0
#define VM_CMD_ATTN_IRQ 0x02 /* set the attention flag and interrupt the host (sent by bmc; needs ATTN) */
#define VM_CMD_ATTN_IRQ_ARGS 0
#define VM_CMD_POWEROFF 0x03 /* power the VM off (sent by bmc; needs POWER) */
#define VM_CMD_POWEROFF_ARGS 0
#define VM_CMD_RESET 0x04 /* from the BMC: reset the VM; from the VM: the VM was reset (sent by vm, bmc; needs RESET) */
#define VM_CMD_RESET_ARGS 0
#define VM_CMD_ENABLE_IRQ 0x05 /* turn the interface's message interrupt on (sent by bmc; needs IRQ) */
#define VM_CMD_ENABLE_IRQ_ARGS 0
#define VM_CMD_DISABLE_IRQ 0x06 /* turn the interface's message interrupt off (sent by bmc; needs IRQ) */
#define VM_CMD_DISABLE_IRQ_ARGS 0
#define VM_CMD_SEND_NMI 0x07 /* deliver a non-maskable interrupt to the VM (sent by bmc; needs NMI) */
#define VM_CMD_SEND_NMI_ARGS 0
#define VM_CMD_CAPABILITIES 0x08 /* what the VM can do (sent by vm) */
#define VM_CMD_CAPABILITIES_ARGS 1
#define VM_CMD_CAPABILITIES_ARG_BITS 0 /* the capability bits above */
#define VM_CMD_GRACEFUL_SHUTDOWN 0x09 /* ask the guest to shut down (ACPI power button) (sent by bmc; needs GRACEFUL_SHUTDOWN) */
#define VM_CMD_GRACEFUL_SHUTDOWN_ARGS 0
#define VM_CMD_VERSION 0xff /* the protocol version the sender speaks (sent by vm, bmc) */
#define VM_CMD_VERSION_ARGS 1
#define VM_CMD_VERSION_ARG_NUMBER 0 /* the version above */
#define VM_COMMAND_MAX_ARGS 1

/*@
  // The bytes that travel escaped: the markers and the escape itself.
  predicate vm_special(integer b) =
    b == VM_MESSAGE_END || b == VM_COMMAND_END || b == VM_ESCAPE;

  // Bytes a byte takes on the wire.
  logic integer vm_width(integer b) =
    b == VM_MESSAGE_END || b == VM_COMMAND_END || b == VM_ESCAPE ? 2 : 1;

  // The frame markers.
  predicate vm_end(integer b) = b == VM_MESSAGE_END || b == VM_COMMAND_END;

  // What may follow the escape: a special byte with VM_ESCAPE_BIT set.
  predicate vm_escaped(integer b) =
    b == VM_MESSAGE_END_ESCAPED || b == VM_COMMAND_END_ESCAPED || b == VM_ESCAPE_ESCAPED;

  // The shortest message frame each sender sends.
  logic integer vm_message_min_of(integer sender) =
    sender == VM_SENDER_VM ? VM_MESSAGE_MIN_VM :
    VM_MESSAGE_MIN_BMC; // VM_SENDER_BMC

  // The argument bytes of a control command from this sender, or -1 if the sender
  // has no command with this code.
  logic integer vm_args_of(integer code, integer sender) =
    code == VM_CMD_NOATTN ? (sender == VM_SENDER_BMC ? VM_CMD_NOATTN_ARGS : -1) :
    code == VM_CMD_ATTN ? (sender == VM_SENDER_BMC ? VM_CMD_ATTN_ARGS : -1) :
    code == VM_CMD_ATTN_IRQ ? (sender == VM_SENDER_BMC ? VM_CMD_ATTN_IRQ_ARGS : -1) :
    code == VM_CMD_POWEROFF ? (sender == VM_SENDER_BMC ? VM_CMD_POWEROFF_ARGS : -1) :
    code == VM_CMD_RESET ? (sender == VM_SENDER_VM || sender == VM_SENDER_BMC ? VM_CMD_RESET_ARGS : -1) :
    code == VM_CMD_ENABLE_IRQ ? (sender == VM_SENDER_BMC ? VM_CMD_ENABLE_IRQ_ARGS : -1) :
    code == VM_CMD_DISABLE_IRQ ? (sender == VM_SENDER_BMC ? VM_CMD_DISABLE_IRQ_ARGS : -1) :
    code == VM_CMD_SEND_NMI ? (sender == VM_SENDER_BMC ? VM_CMD_SEND_NMI_ARGS : -1) :
    code == VM_CMD_CAPABILITIES ? (sender == VM_SENDER_VM ? VM_CMD_CAPABILITIES_ARGS : -1) :
    code == VM_CMD_GRACEFUL_SHUTDOWN ? (sender == VM_SENDER_BMC ? VM_CMD_GRACEFUL_SHUTDOWN_ARGS : -1) :
    code == VM_CMD_VERSION ? (sender == VM_SENDER_VM || sender == VM_SENDER_BMC ? VM_CMD_VERSION_ARGS : -1) :
    -1;
*/

/*@
  assigns \nothing;
  ensures \result != 0 <==> vm_special(b);
*/
bool vm_is_special(uint8_t b);

/*@
  assigns \nothing;
  ensures \result != 0 <==> vm_end(b);
*/
bool vm_is_end(uint8_t b);

/*
 * The byte an escaped form stands for, or -1 if b may not follow the escape.
 */
/*@
  assigns \nothing;
  ensures vm_escaped(b) ==> \result == b - VM_ESCAPE_BIT && vm_special(\result);
  ensures !vm_escaped(b) ==> \result == -1;
*/
int vm_unescape(uint8_t b);

/*@
  requires sender < VM_SENDER_COUNT;
  assigns \nothing;
  ensures \result == vm_message_min_of(sender);
*/
size_t vm_message_min(uint8_t sender);

/*@
  assigns \nothing;
  ensures \result == vm_args_of(code, sender);
  ensures -1 <= \result <= VM_COMMAND_MAX_ARGS;
*/
int vm_command_args(uint8_t code, uint8_t sender);

/* For traces: a control command's name, or "unknown". */
/*@
  assigns \nothing;
  ensures \valid_read(\result);
*/
const char *vm_command_name(uint8_t code);

#endif /* VM_FRAMING_H */
