package com.sartiq.hub.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorConfigTest {

    @Test
    void defaultsBindAFreeLoopbackPortWithTheSimKey() {
        SimulatorConfig config = SimulatorConfig.defaults();

        assertThat(config.port()).isZero();
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.falKey()).isEqualTo("sim-fal-key");
        assertThat(config.latencyMillis()).isEqualTo(300);
        assertThat(config.publicBaseUrl()).isEmpty();
    }

    @Test
    void withersLeaveTheOriginalUntouched() {
        SimulatorConfig defaults = SimulatorConfig.defaults();

        SimulatorConfig changed = defaults.withPort(8089).withFalKey("k").withLatencyMillis(5)
                .withPublicBaseUrl("http://sim:8089/");

        assertThat(defaults).isEqualTo(SimulatorConfig.defaults());
        assertThat(changed.port()).isEqualTo(8089);
        assertThat(changed.falKey()).isEqualTo("k");
        assertThat(changed.latencyMillis()).isEqualTo(5);
        assertThat(changed.publicBaseUrl()).contains("http://sim:8089");
        assertThat(changed.toString()).doesNotContain("falKey");
    }

    @Test
    void publicBaseUrlIsWhatClientsAreGiven() {
        try (ProviderSimulator simulator = ProviderSimulator.start(
                SimulatorConfig.defaults().withPublicBaseUrl("http://fal.sim.test"))) {
            assertThat(simulator.baseUrl()).isEqualTo("http://fal.sim.test");
            assertThat(simulator.port()).isPositive();
        }
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> SimulatorConfig.defaults().withLatencyMillis(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorConfig.defaults().withFalKey(" "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorConfig.defaults().withPort(70000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
