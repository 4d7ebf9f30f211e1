package dev.mynasim.harness.pcsc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs pcscd with vpcd: skipped loudly without them, failed when MYNASIM_REQUIRE_PCSC=1.
 * Detection is {@link dev.mynasim.simulator.vpcd.PcscEnvironment}; this is only the JUnit glue.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PcscExtension.class)
@interface RequiresPcsc {
}
