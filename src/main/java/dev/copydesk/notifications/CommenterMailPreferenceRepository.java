package dev.copydesk.notifications;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommenterMailPreferenceRepository extends JpaRepository<CommenterMailPreference, String> {

    Optional<CommenterMailPreference> findByToken(String token);
}
