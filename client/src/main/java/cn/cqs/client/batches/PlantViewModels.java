package cn.cqs.client.batches;

/** The plant office's view models, one per tab, sharing one {@link PlantEnvironment}. */
public record PlantViewModels(MaterialIntakeViewModel intake, MixDesignViewModel mix, ProductionViewModel production,
                              BatchListViewModel batches, PlantImportViewModel imports) {

    public static PlantViewModels of(PlantEnvironment env) {
        return new PlantViewModels(new MaterialIntakeViewModel(env), new MixDesignViewModel(env),
                new ProductionViewModel(env), new BatchListViewModel(env), new PlantImportViewModel(env));
    }
}
