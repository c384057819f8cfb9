package dev.copydesk.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, String> {

    Optional<Account> findByUsername(String username);

    List<Account> findAllByOrderByUsernameAsc();

    @Query("select distinct a from Account a join a.roles r where r = :role and a.enabled = true")
    List<Account> findEnabledWithRole(Role role);

    List<Account> findByIdIn(Collection<String> ids);

    @Query("select count(distinct a) from Account a join a.roles r where r = dev.copydesk.accounts.Role.ADMIN and a.enabled = true")
    long countEnabledAdmins();
}
