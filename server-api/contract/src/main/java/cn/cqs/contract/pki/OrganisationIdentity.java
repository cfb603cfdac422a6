package cn.cqs.contract.pki;

import cn.cqs.contract.orgs.Uscc;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Who an organisation certificate is for: the organisation's name and its 统一社会信用代码 (unified
 * social credit code, USCC).
 *
 * <p>In the certificate subject the name goes into CN and O, the USCC into the serialNumber
 * attribute (OID 2.5.4.5), and C is {@code CN}, e.g.
 * {@code C=CN, O=福建省建筑工程质量检测中心, CN=福建省建筑工程质量检测中心, SERIALNUMBER=91350200776049653A}.
 *
 * @param name the organisation's registered name, e.g. 福建省建筑工程质量检测中心
 * @param uscc the organisation's unified social credit code, upper case, 18 characters
 */
public record OrganisationIdentity(String name, String uscc) {

    /**
     * @throws IllegalArgumentException when the name is blank or the USCC is not a well-formed code
     *     (a failing check digit is accepted, as for the early Fujian pilot codes)
     */
    public OrganisationIdentity {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: an organisation name is required");
        }
        name = name.strip();
        Uscc.Check check = Uscc.check(uscc);
        if (!check.acceptable()) {
            throw new IllegalArgumentException("uscc: " + check.message());
        }
        uscc = check.code();
    }

    /** The X.500 subject of this organisation's certificate. */
    public X500Name toX500Name() {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, name)
                .addRDN(BCStyle.CN, name)
                .addRDN(BCStyle.SERIALNUMBER, uscc)
                .build();
    }

    /**
     * Reads the identity back from a certificate subject.
     *
     * @throws IllegalArgumentException when the subject lacks a CN or a serialNumber holding a USCC
     */
    public static OrganisationIdentity fromX500Name(X500Name subject) {
        Objects.requireNonNull(subject, "subject");
        String cn = single(subject, BCStyle.CN, "CN");
        String serial = single(subject, BCStyle.SERIALNUMBER, "serialNumber");
        return new OrganisationIdentity(cn, serial);
    }

    private static String single(X500Name subject, ASN1ObjectIdentifier type, String label) {
        RDN[] rdns = subject.getRDNs(type);
        if (rdns.length != 1) {
            throw new IllegalArgumentException("subject: expected exactly one " + label + " attribute in '"
                    + subject + "', found " + rdns.length);
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        if (value instanceof ASN1String text) {
            return text.getString();
        }
        throw new IllegalArgumentException("subject: the " + label + " attribute is not a string");
    }
}
