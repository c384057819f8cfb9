package dev.copydesk.moderation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface BanRepository extends JpaRepository<Ban, String> {

    List<Ban> findByAuthorKeyAndLiftedAtIsNull(String authorKey);
}
