package cn.cqs.contract.batches;

/**
 * A raw material of ready-mixed concrete (原材料种类), as a plant registers its intake and as a mix
 * design and the dosing records name it. The order is the order of the columns of a mix design.
 */
public enum MaterialKind {
    /** 水泥. */
    CEMENT(MaterialCategory.BINDER),
    /** 粉煤灰. */
    FLY_ASH(MaterialCategory.BINDER),
    /** 矿渣粉 (粒化高炉矿渣粉). */
    SLAG_POWDER(MaterialCategory.BINDER),
    /** 砂 (细骨料). */
    SAND(MaterialCategory.AGGREGATE),
    /** 石 (粗骨料). */
    STONE(MaterialCategory.AGGREGATE),
    /** 外加剂. */
    ADMIXTURE(MaterialCategory.ADMIXTURE),
    /** 水. */
    WATER(MaterialCategory.WATER);

    private final MaterialCategory category;

    MaterialKind(MaterialCategory category) {
        this.category = category;
    }

    /** Its dosing-tolerance class. */
    public MaterialCategory category() {
        return category;
    }

    /** Whether an intake of this kind is registered with a lot (water is not). */
    public boolean registeredByLot() {
        return this != WATER;
    }
}
