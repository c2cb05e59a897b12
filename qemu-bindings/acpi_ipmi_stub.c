/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ISA interfaces give the ACPI tables their entry (build_ipmi_dev_aml,
 * hw/acpi/ipmi.c), which QEMU builds only for machines with ACPI. A target
 * with IPMI but without ACPI (ppc64 with PowerNV only, whose isa-ipmi-bt the
 * device tree describes) links this instead: there are no ACPI tables to add
 * to. hw/acpi's own stub covers the other case, ACPI without IPMI.
 */
#include "qemu/osdep.h"
#include "hw/acpi/ipmi.h"

void build_ipmi_dev_aml(AcpiDevAmlIf *adev, Aml *scope)
{
}
