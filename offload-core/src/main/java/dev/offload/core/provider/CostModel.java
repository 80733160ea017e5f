package dev.offload.core.provider;

import dev.offload.core.config.Config;
import dev.offload.core.config.ProviderConfig;

/**
 * The cost estimate of SPEC §8.10: sandbox seconds × cores per sandbox × price per core-second. Derived from the
 * configuration alone, so {@code plan} can price a run without creating a provider.
 *
 * @param cpuCores cores per sandbox (local: 1 per slot)
 * @param pricePerCoreSecond USD
 */
public record CostModel(double cpuCores, double pricePerCoreSecond) {
    /** Modal's CPU rate, used for modal and the default provider: USD per core-second. */
    public static final double MODAL_PRICE_PER_CORE_SECOND = 0.00003942;

    /** The provider's cores and price; {@code [report].cost_per_core_hour} replaces the price for every provider. */
    public static CostModel of(Config config) {
        ProviderConfig provider = config.provider();
        double listPrice = provider instanceof ProviderConfig.Modal || provider instanceof ProviderConfig.Default
                ? MODAL_PRICE_PER_CORE_SECOND
                : 0.0;
        double price =
                config.report().costPerCoreHour().map(perHour -> perHour / 3600).orElse(listPrice);
        return new CostModel(cores(provider), price);
    }

    private static double cores(ProviderConfig provider) {
        if (provider instanceof ProviderConfig.Default d) {
            return d.cpuCores();
        }
        if (provider instanceof ProviderConfig.Modal m) {
            return m.cpuCores();
        }
        if (provider instanceof ProviderConfig.Docker d) {
            return d.cpuCores();
        }
        if (provider instanceof ProviderConfig.Ssh s) {
            return s.cpuCores();
        }
        return 1.0; // local: one core per slot
    }

    public double coreSeconds(double sandboxSeconds) {
        return sandboxSeconds * cpuCores;
    }

    public double usd(double sandboxSeconds) {
        return coreSeconds(sandboxSeconds) * pricePerCoreSecond;
    }
}
