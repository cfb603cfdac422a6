package cn.cqs.contract.orgs;

/** A user's role inside their organisation (R2): administrators add ordinary users. */
public enum Role {
    ADMINISTRATOR,
    ORDINARY
}
