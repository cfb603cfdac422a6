package cn.cqs.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateBudgetTest {
    @Test
    void readsBurstAndIntervalInEveryUnit() {
        assertThat(RateBudget.parse("V", "60,1s")).contains(new RateBudget(60, Duration.ofSeconds(1)));
        assertThat(RateBudget.parse("V", " 10 , 6s ")).contains(new RateBudget(10, Duration.ofSeconds(6)));
        assertThat(RateBudget.parse("V", "5,500ms")).contains(new RateBudget(5, Duration.ofMillis(500)));
        assertThat(RateBudget.parse("V", "100,2m")).contains(new RateBudget(100, Duration.ofMinutes(2)));
        assertThat(RateBudget.parse("V", "3,1H")).contains(new RateBudget(3, Duration.ofHours(1)));
    }

    @Test
    void offMeansNoLimit() {
        assertThat(RateBudget.parse("V", "off")).isEqualTo(Optional.empty());
        assertThat(RateBudget.parse("V", " OFF ")).isEmpty();
    }

    @Test
    void badTextNamesTheVariableAndTheForm() {
        for (String bad : new String[] {"60", "60/1s", "60,1", "60,1d", "-1,1s", "sixty,1s", "", "60,1s,2"}) {
            assertThatThrownBy(() -> RateBudget.parse("CQS_VERIFY_RATE", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CQS_VERIFY_RATE").hasMessageContaining("BURST,INTERVAL");
        }
    }

    @Test
    void outOfRangeValuesNameTheVariableAndTheRange() {
        assertThatThrownBy(() -> RateBudget.parse("CQS_VERIFY_PDF_RATE", "0,1s"))
                .hasMessageContaining("CQS_VERIFY_PDF_RATE").hasMessageContaining("burst must be 1 to 1000000");
        assertThatThrownBy(() -> RateBudget.parse("CQS_VERIFY_PDF_RATE", "2000000,1s"))
                .hasMessageContaining("CQS_VERIFY_PDF_RATE").hasMessageContaining("burst");
        assertThatThrownBy(() -> RateBudget.parse("CQS_VERIFY_PDF_RATE", "10,0s"))
                .hasMessageContaining("CQS_VERIFY_PDF_RATE").hasMessageContaining("interval must be 1 ms to 1 h");
        assertThatThrownBy(() -> RateBudget.parse("CQS_VERIFY_PDF_RATE", "10,61m"))
                .hasMessageContaining("CQS_VERIFY_PDF_RATE").hasMessageContaining("interval");
    }

    @Test
    void describesItselfInTheConfigurationForm() {
        for (String text : new String[] {"60,1s", "10,6s", "5,500ms", "100,2m", "3,1h", "1,90s"}) {
            RateBudget budget = RateBudget.parse("V", text).orElseThrow();
            assertThat(budget.describe()).isEqualTo(text);
            assertThat(RateBudget.parse("V", budget.describe())).contains(budget);
        }
    }
}
