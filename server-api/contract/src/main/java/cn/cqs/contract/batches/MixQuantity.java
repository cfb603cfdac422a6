package cn.cqs.contract.batches;

import java.math.BigDecimal;

/**
 * One line of a mix design: the mass of one material per cubic metre of concrete (每立方米用量).
 *
 * @param kind     the material
 * @param kgPerM3  kg per m³, more than 0 (at most 3 decimals)
 */
public record MixQuantity(MaterialKind kind, BigDecimal kgPerM3) {
}
