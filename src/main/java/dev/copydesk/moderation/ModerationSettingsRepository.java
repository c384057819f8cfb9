package dev.copydesk.moderation;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModerationSettingsRepository extends JpaRepository<ModerationSettingsRow, Integer> {
}
