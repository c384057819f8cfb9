package dev.copydesk.accounts.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import dev.copydesk.accounts.AccountDirectory;
import dev.copydesk.sections.Sections;

/** Plugs {@link AccountsIdentityProvider} into the engine in place of its own user tables. */
@Component
class AccountsIdentityPlugin extends AbstractProcessEnginePlugin {

    private final AccountDirectory directory;
    private final Sections sections;

    AccountsIdentityPlugin(@Lazy AccountDirectory directory, @Lazy Sections sections) {
        this.directory = directory;
        this.sections = sections;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        AccountsIdentityProvider provider = new AccountsIdentityProvider(directory, sections);
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ReadOnlyIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return provider;
            }
        });
    }
}
