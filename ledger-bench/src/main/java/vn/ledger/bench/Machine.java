package vn.ledger.bench;

/** What a benchmark says about the machine it ran on. */
public final class Machine {

    private Machine() {
    }

    /** The 1-minute load average of the machine (other processes share its cores), or "?" where unknown. */
    public static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }
}
