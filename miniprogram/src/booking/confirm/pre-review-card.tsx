import { Image, Text, View } from '@tarojs/components';
import type { Checklist } from '@govpocket/shared';
import type { PreReviewPhotos } from '@/hooks/use-pre-review-photos';

/** 材料预审 (optional): a photo of each material, which the window checks before the visit. */
export function PreReviewCard({ materials, preReview }: { materials: Checklist['materials']; preReview: PreReviewPhotos }) {
  if (materials.length === 0) return null;
  return (
    <View className="gp-card" id="booking-pre-review">
      <Text className="booking__option-title">材料预审（可选）</Text>
      <Text className="gp-muted">上传材料照片，窗口可提前审核，减少跑动。</Text>
      {materials.map((material) => {
        const photos = preReview.photos.filter((photo) => photo.materialId === material.id);
        const isBusy = preReview.busyMaterialId === material.id;
        return (
          <View key={material.id} className="booking__pre-review-row" id={`pre-review-${material.id}`}>
            <View className="booking__row">
              <Text>{material.name}</Text>
              {preReview.canAdd(material.id) ? (
                <Text className="booking__option-side" id={`pre-review-add-${material.id}`} onClick={() => void preReview.addPhotos(material.id)}>
                  {isBusy ? '上传中…' : photos.length > 0 ? '再加一张' : '拍照/上传'}
                </Text>
              ) : null}
            </View>
            {photos.length > 0 ? (
              <View className="booking__pre-review-photos">
                {photos.map((photo) => (
                  <View key={photo.fileId} className="booking__pre-review-photo">
                    <Image className="booking__pre-review-image" src={photo.path} mode="aspectFill" />
                    <Text className="booking__pre-review-remove" onClick={() => preReview.removePhoto(photo.fileId)}>
                      移除
                    </Text>
                  </View>
                ))}
              </View>
            ) : null}
          </View>
        );
      })}
      {preReview.errorMessage ? (
        <Text className="gp-error" id="booking-pre-review-error">
          {preReview.errorMessage}
        </Text>
      ) : null}
    </View>
  );
}
