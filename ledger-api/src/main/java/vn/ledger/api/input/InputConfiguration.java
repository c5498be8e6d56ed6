package vn.ledger.api.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.ledger.api.config.LedgerProperties;

/** Request input rules: strict JSON bodies ({@link StrictJson}) and checked path segments and parameters. */
@Configuration(proxyBeanMethods = false)
public class InputConfiguration implements WebMvcConfigurer {

    private final LedgerProperties properties;

    public InputConfiguration(LedgerProperties properties) {
        this.properties = properties;
    }

    /** Replaces Spring Boot's JSON converter: reads strictly, writes with the application's mapper settings. */
    @Bean
    public MappingJackson2HttpMessageConverter strictJsonConverter(ObjectMapper objectMapper) {
        return new MappingJackson2HttpMessageConverter(StrictJson.strict(objectMapper, properties.input()));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequestShape(properties.input().maxStringChars()));
    }
}
