import { useState } from 'react';
import { describeError } from '@/services/error-message';
import { uploadImage } from '@/services/file-service';
import { useImagePicker } from './use-image-picker';

/** One uploaded photo of one material; `path` is the local copy shown as the thumbnail. */
export type PreReviewPhoto = { materialId: string; fileId: string; path: string };

export type PreReviewPhotos = {
  photos: PreReviewPhoto[];
  /** The material whose photos are being picked or uploaded, or null. */
  busyMaterialId: string | null;
  errorMessage: string | null;
  /** Privacy consent first (inside the picker), then choose and upload with purpose PRE_REVIEW. */
  addPhotos: (materialId: string) => Promise<void>;
  canAdd: (materialId: string) => boolean;
  removePhoto: (fileId: string) => void;
  /** What the booking request carries as `preReviewFileIds`. */
  attachments: { materialId: string; fileId: string }[];
};

// The contract accepts at most 30 attachments per booking; the BFF's default is 3 per material
// (setting preReview.maxFilesPerMaterial, not sent to the client) and it refuses more with a message.
const maxPhotos = 30;
const maxPerMaterial = 3;

/** 预审照片 on the confirm page: optional, uploaded before booking so the window can look first. */
export function usePreReviewPhotos(): PreReviewPhotos {
  const picker = useImagePicker();
  const [photos, setPhotos] = useState<PreReviewPhoto[]>([]);
  const [busyMaterialId, setBusyMaterialId] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const roomFor = (materialId: string) =>
    Math.min(maxPerMaterial - photos.filter((photo) => photo.materialId === materialId).length, maxPhotos - photos.length);

  const addPhotos = async (materialId: string) => {
    const room = roomFor(materialId);
    if (busyMaterialId || room <= 0) return;
    setBusyMaterialId(materialId);
    setUploadError(null);
    try {
      const picked = await picker.pickImages(room);
      for (const image of picked) {
        const uploaded = await uploadImage({ path: image.path, purpose: 'PRE_REVIEW' });
        setPhotos((current) => [...current, { materialId, fileId: uploaded.fileId, path: image.path }]);
      }
    } catch (error) {
      setUploadError(describeError(error));
    } finally {
      setBusyMaterialId(null);
    }
  };

  const removePhoto = (fileId: string) => setPhotos((current) => current.filter((photo) => photo.fileId !== fileId));

  return {
    photos,
    busyMaterialId,
    errorMessage: uploadError ?? picker.errorMessage,
    addPhotos,
    canAdd: (materialId) => roomFor(materialId) > 0,
    removePhoto,
    attachments: photos.map(({ materialId, fileId }) => ({ materialId, fileId })),
  };
}
