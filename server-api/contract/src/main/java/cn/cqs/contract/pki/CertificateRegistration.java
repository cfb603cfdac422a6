package cn.cqs.contract.pki;

/**
 * {@code POST /api/v1/organisations/{id}/certificates}: an organisation's administrator registers a
 * certificate the platform CA issued for the organisation's signing key, so tokens signed with it
 * verify. The server refuses a certificate not issued by a trusted CA, not valid now, or naming a
 * different USCC than the organisation's.
 *
 * @param certificatePem the certificate as one PEM block ({@code -----BEGIN CERTIFICATE-----})
 */
public record CertificateRegistration(String certificatePem) {
}
