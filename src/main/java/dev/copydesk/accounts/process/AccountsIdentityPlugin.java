package dev.copydesk.accounts.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import dev.copydesk.accounts.AccountDirectory;

/** Plugs {@link AccountsIdentityProvider} into the engine in place of its own user tables. */
@Component
class AccountsIdentityPlugin extends AbstractProcessEnginePlugin {

    private final AccountDirectory directory;

    AccountsIdentityPlugin(@Lazy AccountDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        AccountsIdentityProvider provider = new AccountsIdentityProvider(directory);
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
