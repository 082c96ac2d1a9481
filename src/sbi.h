/* Generated from chapters/01-boot.nw, chapters/05-traps.nw, chapters/06-harts.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle. */
#ifndef HYPHA_SBI_H
#define HYPHA_SBI_H

struct sbiret {
    long error;
    long value;
};

enum {
    SBI_EXT_BASE = 0x10,
    SBI_EXT_TIME = 0x54494D45,   /* "TIME" */
    SBI_EXT_IPI = 0x735049,      /* "sPI" */
    SBI_EXT_HSM = 0x48534D,      /* "HSM" */
    SBI_EXT_SRST = 0x53525354,   /* "SRST" */
};
enum {
    SBI_BASE_GET_SPEC_VERSION = 0,
    SBI_BASE_GET_IMPL_ID = 1,
    SBI_BASE_GET_IMPL_VERSION = 2,
    SBI_BASE_PROBE_EXTENSION = 3,
};
enum {
    SBI_RESET_SHUTDOWN = 0,
    SBI_RESET_COLD_REBOOT = 1,
    SBI_RESET_REASON_NONE = 0,
    SBI_RESET_REASON_FAILURE = 1,
};

struct sbiret sbi_call(long eid, long fid, unsigned long a0,
                       unsigned long a1, unsigned long a2);
long sbi_spec_version(void);
long sbi_impl_id(void);
long sbi_impl_version(void);
int sbi_probe(long eid);
const char *sbi_impl_name(long impl_id);
void sbi_system_reset(unsigned long type, unsigned long reason);
enum { SBI_TIME_SET_TIMER = 0 };
long sbi_set_timer(unsigned long stime_value);
enum { SBI_HSM_HART_START = 0, SBI_HSM_HART_GET_STATUS = 2 };
enum { SBI_HSM_STARTED = 0, SBI_HSM_STOPPED = 1, SBI_HSM_START_PENDING = 2 };
enum { SBI_IPI_SEND_IPI = 0 };

long sbi_hart_start(unsigned long hartid, unsigned long start_addr,
                    unsigned long opaque);
long sbi_hart_get_status(unsigned long hartid);
long sbi_send_ipi(unsigned long hart_mask, unsigned long hart_mask_base);
const char *sbi_strerror(long error);

#endif
