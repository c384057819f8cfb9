package dev.copydesk.shared.outbound;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link OutboundAddressPolicy} and {@link OutboundHttp} every module's outbound call uses. */
@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

    @Bean
    OutboundAddressPolicy outboundAddressPolicy(OutboundProperties properties) {
        return new OutboundAddressPolicy(properties.allowPrivateAddresses());
    }

    @Bean
    OutboundHttp outboundHttp(OutboundAddressPolicy policy) {
        return new OutboundHttp(policy);
    }
}
