package io.veltrix.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veltrix.engine.BackoffIdleStrategy;
import io.veltrix.engine.BusySpinIdleStrategy;
import io.veltrix.engine.CircuitBreakerConfig;
import io.veltrix.engine.EngineConfig;
import io.veltrix.engine.EngineListener;
import io.veltrix.engine.EventHandler;
import io.veltrix.engine.EventTypeConfig;
import io.veltrix.engine.Jitter;
import io.veltrix.engine.Outcome;
import io.veltrix.engine.OverflowPolicy;
import io.veltrix.engine.ParkingIdleStrategy;
import io.veltrix.engine.QueueSizing;
import io.veltrix.engine.RetryBudget;
import io.veltrix.engine.RetryPolicy;
import io.veltrix.engine.TierScheduling;
import io.veltrix.engine.Topology;
import io.veltrix.engine.YieldingIdleStrategy;
import io.veltrix.scenarios.model.IdleStrategy;
import io.veltrix.scenarios.model.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineConfigMapperTest {
    private static final Scenario SCENARIO = TestScenarios.of("""
            name: mapping
            duration: 1s
            load: {constant: {rate: 100/s}}
            events:
              - {name: pay, tier: critical, service: 10us}
              - {name: mail, tier: low, service: 10us, kind: io}
            engine:
              workers: 1
              tiers: [critical, normal, low]
              batch: 8
              idle: park
            strategies:
              - name: full
                topology: tiered
                sizing: {dynamic: {min: 16, max: 4096, initial: 64, target-delay: 3ms}}
                overflow: block
                block-timeout: 20ms
                scheduling: weighted
                weights: {critical: 5, normal: 3, low: 1}
                workers: 3
                retry:
                  exponential: {base: 2ms, multiplier: 3, cap: 200ms, jitter: equal}
                  max-attempts: 4
                  deadline: 1s
                  budget: 15%
                  circuit-breaker: {failure-ratio: 40%, window: 2s, open-for: 500ms, half-open-probes: 3}
                per-type:
                  mail:
                    sizing: {fixed: {capacity: 32}}
                    overflow: drop-oldest
                    retry:
                      fixed: {delay: 5ms}
                      max-attempts: 2
              - name: naive
                topology: single
                sizing: {fixed: {capacity: 128}}
                overflow: reject
                per-type:
                  mail: {overflow: drop-oldest}
              - name: per-type-block
                overflow: reject
                per-type:
                  pay: {overflow: block, block-timeout: 40ms}
                  mail: {overflow: block, block-timeout: 10ms}
            """);

    private static final EventHandler<Object> PAY = e -> Outcome.SUCCESS;
    private static final EventHandler<Object> MAIL = e -> Outcome.SUCCESS;

    private static MappedStrategy map(String strategy) {
        return EngineConfigMapper.map(SCENARIO, SCENARIO.strategy(strategy), List.of(PAY, MAIL), EngineListener.NONE);
    }

    @Test
    void shouldMapEveryStrategyFieldToTheEngine() {
        MappedStrategy mapped = map("full");
        EngineConfig c = mapped.config();
        RetryPolicy retry = RetryPolicy.exponential(Duration.ofMillis(2), 3.0, Duration.ofMillis(200), Jitter.EQUAL, 4)
                .withDeadline(Duration.ofSeconds(1))
                .withBudget(RetryBudget.of(0.15));
        assertThat(c.tiers()).containsExactly("critical", "normal", "low");
        assertThat(c.topology()).isEqualTo(Topology.TIERED);
        assertThat(c.scheduling()).isEqualTo(TierScheduling.weighted(5, 3, 1));
        assertThat(c.workers()).isEqualTo(3);
        assertThat(c.batchSize()).isEqualTo(8);
        assertThat(c.idleStrategy().get()).isInstanceOf(ParkingIdleStrategy.class);
        assertThat(c.defaultSizing()).isEqualTo(QueueSizing.dynamic(16, 64, 4096, Duration.ofMillis(3)));
        assertThat(c.defaultOverflow()).isEqualTo(OverflowPolicy.BLOCK);
        assertThat(c.blockTimeout()).isEqualTo(Duration.ofMillis(20));
        assertThat(c.defaultRetry()).isEqualTo(retry);
        assertThat(c.threadNamePrefix()).isEqualTo("full");
        assertThat(mapped.notes()).isEmpty();

        EventTypeConfig pay = c.eventTypes().get(0);
        assertThat(pay.name()).isEqualTo("pay");
        assertThat(pay.tier()).isEqualTo("critical");
        assertThat(pay.handler()).isSameAs(PAY);
        assertThat(pay.sizing()).isEqualTo(QueueSizing.dynamic(16, 64, 4096, Duration.ofMillis(3)));
        assertThat(pay.overflow()).isEqualTo(OverflowPolicy.BLOCK);
        assertThat(pay.retry()).isEqualTo(retry);
        assertThat(pay.circuitBreaker())
                .isEqualTo(new CircuitBreakerConfig(
                        0.4,
                        Duration.ofSeconds(2),
                        EngineConfigMapper.BREAKER_MINIMUM_ATTEMPTS,
                        Duration.ofMillis(500),
                        3));

        EventTypeConfig mail = c.eventTypes().get(1);
        assertThat(mail.name()).isEqualTo("mail");
        assertThat(mail.tier()).isEqualTo("low");
        assertThat(mail.handler()).isSameAs(MAIL);
        assertThat(mail.sizing()).isEqualTo(QueueSizing.fixed(32));
        assertThat(mail.overflow()).isEqualTo(OverflowPolicy.DROP_OLDEST);
        assertThat(mail.retry()).isEqualTo(RetryPolicy.fixed(Duration.ofMillis(5), 2));
        assertThat(mail.circuitBreaker())
                .as("a per-type retry replaces the whole policy")
                .isNull();
    }

    @Test
    void shouldMapASingleQueueAndSayThatPerTypeQueueSettingsDoNotApply() {
        MappedStrategy mapped = map("naive");
        EngineConfig c = mapped.config();
        assertThat(c.topology()).isEqualTo(Topology.SINGLE);
        assertThat(c.scheduling()).isEqualTo(TierScheduling.strict());
        assertThat(c.workers()).isEqualTo(1);
        assertThat(c.defaultSizing()).isEqualTo(QueueSizing.fixed(128));
        assertThat(c.defaultOverflow()).isEqualTo(OverflowPolicy.REJECT);
        assertThat(c.defaultRetry()).isEqualTo(RetryPolicy.none());
        assertThat(c.eventTypes()).extracting(EventTypeConfig::sizing).containsOnlyNulls();
        assertThat(c.eventTypes()).extracting(EventTypeConfig::overflow).containsOnlyNulls();
        assertThat(mapped.notes())
                .containsExactly("per-type sizing and overflow of 'mail' do not apply under topology single: every"
                        + " event shares one queue");
    }

    @Test
    void shouldUseTheLongestPerTypeBlockTimeoutAndNoteTheOthers() {
        MappedStrategy mapped = map("per-type-block");
        assertThat(mapped.config().blockTimeout()).isEqualTo(Duration.ofMillis(40));
        assertThat(mapped.config().eventTypes())
                .extracting(EventTypeConfig::overflow)
                .containsExactly(OverflowPolicy.BLOCK, OverflowPolicy.BLOCK);
        assertThat(mapped.notes())
                .containsExactly("block-timeout 10ms of 'mail' is not supported: the engine has one block timeout"
                        + " for all queues, here 40ms");
    }

    @Test
    void shouldMapEveryIdleStrategyAndJitter() {
        assertThat(EngineConfigMapper.idle(IdleStrategy.SPIN).get()).isInstanceOf(BusySpinIdleStrategy.class);
        assertThat(EngineConfigMapper.idle(IdleStrategy.YIELD).get()).isInstanceOf(YieldingIdleStrategy.class);
        assertThat(EngineConfigMapper.idle(IdleStrategy.PARK).get()).isInstanceOf(ParkingIdleStrategy.class);
        assertThat(EngineConfigMapper.idle(IdleStrategy.BACKOFF).get()).isInstanceOf(BackoffIdleStrategy.class);
        for (io.veltrix.scenarios.model.Jitter jitter : io.veltrix.scenarios.model.Jitter.values()) {
            assertThat(EngineConfigMapper.jitter(jitter).name()).isEqualTo(jitter.name());
        }
    }

    @Test
    void shouldNameTheStrategyWhenTheEngineRefusesAValue() {
        Scenario scenario = TestScenarios.of("""
                name: steep
                duration: 1s
                load: {constant: {rate: 100/s}}
                events:
                  - {name: a, service: 10us}
                strategies:
                  - name: steep
                    retry:
                      exponential: {base: 1ms, multiplier: 500, cap: 10s}
                      max-attempts: 3
                """);
        assertThatThrownBy(() -> EngineConfigMapper.map(
                        scenario, scenario.strategies().get(0), List.of(PAY), EngineListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("strategy 'steep': multiplier");
    }
}
