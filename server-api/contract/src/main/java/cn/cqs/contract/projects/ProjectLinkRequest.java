package cn.cqs.contract.projects;

/**
 * {@code POST /api/v1/projects/{id}/organisations}: attach an organisation (e.g. the testing agency
 * the owner commissioned) to a project, identified by its unified social credit code.
 */
public record ProjectLinkRequest(String uscc) {
}
