package dev.copydesk.shared.process;

import javax.xml.datatype.DatatypeFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimerDurationsTests {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        } else {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, before);
        }
    }

    @Test
    void whenNoFactoryIsNamedThenTheOneJaxpFindsIsNamedAndJaxpReturnsIt() throws Exception {
        System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        Class<?> found = DatatypeFactory.newInstance().getClass(); // by JAXP's search of the class path

        assertThat(TimerDurations.nameTheFoundDatatypeFactory()).isEqualTo(found.getName());
        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo(found.getName());
        assertThat(DatatypeFactory.newInstance().getClass()).isEqualTo(found);
        assertThat(DatatypeFactory.newInstance().newDuration("PT15M").getMinutes()).isEqualTo(15);
    }

    @Test
    void whenTheOperatorNamedAFactoryThenItIsKept() {
        System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, "org.example.TheirDatatypeFactory");

        assertThat(TimerDurations.nameTheFoundDatatypeFactory()).isEqualTo("org.example.TheirDatatypeFactory");
        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo("org.example.TheirDatatypeFactory");
    }
}
