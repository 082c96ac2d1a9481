/* Generated from chapters/01-boot.nw, chapters/05-traps.nw, chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#include "sbi.h"

struct sbiret sbi_call(long eid, long fid, unsigned long a0,
                       unsigned long a1, unsigned long a2)
{
    register unsigned long r0 __asm__("a0") = a0;
    register unsigned long r1 __asm__("a1") = a1;
    register unsigned long r2 __asm__("a2") = a2;
    register long r6 __asm__("a6") = fid;
    register long r7 __asm__("a7") = eid;
    __asm__ volatile("ecall"
                     : "+r"(r0), "+r"(r1)
                     : "r"(r2), "r"(r6), "r"(r7)
                     : "memory");
    return (struct sbiret){(long)r0, (long)r1};
}
static long base_call(long fid, unsigned long arg)
{
    return sbi_call(SBI_EXT_BASE, fid, arg, 0, 0).value;
}

long sbi_spec_version(void) { return base_call(SBI_BASE_GET_SPEC_VERSION, 0); }
long sbi_impl_id(void) { return base_call(SBI_BASE_GET_IMPL_ID, 0); }
long sbi_impl_version(void) { return base_call(SBI_BASE_GET_IMPL_VERSION, 0); }

int sbi_probe(long eid)
{
    return base_call(SBI_BASE_PROBE_EXTENSION, (unsigned long)eid) != 0;
}
const char *sbi_impl_name(long impl_id)
{
    static const char *const names[] = {
        "Berkeley Boot Loader", "OpenSBI", "Xvisor", "KVM",
        "RustSBI", "Diosix", "Coffer",
    };
    if (impl_id >= 0 && impl_id < (long)(sizeof names / sizeof names[0]))
        return names[impl_id];
    return "unknown";
}
void sbi_system_reset(unsigned long type, unsigned long reason)
{
    sbi_call(SBI_EXT_SRST, 0, type, reason, 0);
}
long sbi_set_timer(unsigned long stime_value)
{
    return sbi_call(SBI_EXT_TIME, SBI_TIME_SET_TIMER, stime_value, 0, 0).error;
}
long sbi_hart_start(unsigned long hartid, unsigned long start_addr,
                    unsigned long opaque)
{
    return sbi_call(SBI_EXT_HSM, SBI_HSM_HART_START, hartid, start_addr, opaque).error;
}

long sbi_hart_get_status(unsigned long hartid)
{
    struct sbiret r = sbi_call(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, hartid, 0, 0);
    return r.error != 0 ? r.error : r.value;
}

long sbi_send_ipi(unsigned long hart_mask, unsigned long hart_mask_base)
{
    return sbi_call(SBI_EXT_IPI, SBI_IPI_SEND_IPI, hart_mask, hart_mask_base, 0).error;
}
const char *sbi_strerror(long error)
{
    static const char *const names[] = {
        "success", "failed", "not supported", "invalid parameter", "denied",
        "invalid address", "already available", "already started",
        "already stopped",
    };
    if (error <= 0 && -error < (long)(sizeof names / sizeof names[0]))
        return names[-error];
    return "unknown SBI error";
}
