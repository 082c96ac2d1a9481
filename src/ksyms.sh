# Generated from chapters/05-traps.nw by tangle/tangle.py. Do not edit: edit the chapter, then run make tangle.
# Usage: sh ksyms.sh NM KERNEL.ELF >ksyms.c
# Turn the text symbols of a kernel into a C symbol table.
"$1" -n -S --defined-only "$2" | awk '
NF == 4 { addr = $1; size = $2; type = $3; name = $4 }
NF == 3 { addr = $1; size = ""; type = $2; name = $3 }
NF != 3 && NF != 4 { next }
type != "t" && type != "T" { next }
name ~ /^\$/ { next }
size == "" && name ~ /^__/ { next }
{ n++; A[n] = addr; S[n] = size; N[n] = name }
END {
    print "/* Generated from nm output by src/ksyms.sh. Do not edit. */"
    print "#include \"ksym.h\""
    print "const struct ksym ksym_table[] = {"
    for (i = 1; i <= n; i++) {
        sz = S[i] == "" ? "0" : "0x" S[i]
        if (S[i] == "")
            for (j = i + 1; j <= n; j++)
                if (A[j] != A[i]) { sz = "0x" A[j] " - 0x" A[i]; break }
        printf "    {0x%s, %s, \"%s\"},\n", A[i], sz, N[i]
    }
    if (n == 0)
        print "    {0, 0, \"\"},"
    print "};"
    printf "const size_t ksym_count = %d;\n", n
}
'
