package dev.copydesk.sections;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The sections. Only this module's API uses it. */
interface SectionRepository extends JpaRepository<Section, String> {

    List<Section> findAllByOrderBySlugAsc();
}
