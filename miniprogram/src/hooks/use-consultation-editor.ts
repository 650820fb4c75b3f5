import { useEffect, useState } from 'react';
import type { ConsultationInput, StaffConsultation } from '@govpocket/shared';
import { formatSections, parseSections } from '@/format/consultation-sections';
import { saveConsultation, fetchStaffConsultation } from '@/services/consultation-service';
import { describeError } from '@/services/error-message';
import { uploadDocument } from '@/services/file-service';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type AttachmentDraft = { name: string; fileId: string | null; url: string | null };

export type ConsultationFields = {
  title: string;
  summary: string;
  background: string;
  basis: string;
  startDate: string;
  endDate: string;
  shortenedReason: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  contactAddress: string;
  sectionsText: string;
};

const blank: ConsultationFields = {
  title: '', summary: '', background: '', basis: '', startDate: '', endDate: '', shortenedReason: '',
  contactName: '', contactPhone: '', contactEmail: '', contactAddress: '', sectionsText: '',
};

function fieldsOf(consultation: StaffConsultation): ConsultationFields {
  const { contact } = consultation;
  return {
    title: consultation.title,
    summary: consultation.summary ?? '',
    background: consultation.background,
    basis: consultation.basis,
    startDate: consultation.startDate,
    endDate: consultation.endDate,
    shortenedReason: consultation.shortenedReason ?? '',
    contactName: contact.name ?? '',
    contactPhone: contact.phone ?? '',
    contactEmail: contact.email ?? '',
    contactAddress: contact.address ?? '',
    sectionsText: formatSections(consultation.sections),
  };
}

export function toInput(fields: ConsultationFields, attachments: AttachmentDraft[]): ConsultationInput {
  const orNull = (value: string) => value.trim() || null;
  return {
    title: fields.title,
    summary: orNull(fields.summary),
    background: fields.background,
    basis: fields.basis,
    startDate: fields.startDate,
    endDate: orNull(fields.endDate),
    shortenedReason: orNull(fields.shortenedReason),
    contact: { name: orNull(fields.contactName), phone: orNull(fields.contactPhone), email: orNull(fields.contactEmail), address: orNull(fields.contactAddress) },
    sections: parseSections(fields.sectionsText),
    attachments,
  };
}

export type ConsultationEditor = {
  loaded: RemoteData<StaffConsultation | null>;
  fields: ConsultationFields;
  setField: (name: keyof ConsultationFields, value: string) => void;
  sectionCount: number;
  attachments: AttachmentDraft[];
  removeAttachment: (index: number) => void;
  addDocument: (file: { name: string; path: string }) => Promise<void>;
  isSaving: boolean;
  errorMessage: string | null;
  saved: StaffConsultation | null;
  save: () => Promise<void>;
};

/** Creates or edits a draft consultation (only drafts can be edited; the BFF enforces it too). */
export function useConsultationEditor({ departmentId, id }: { departmentId: string; id: string | null }): ConsultationEditor {
  const loaded = useRemoteData<StaffConsultation | null>(`consultation-editor:${departmentId}:${id ?? 'new'}`, async () => (id ? fetchStaffConsultation(departmentId, id) : null));
  const [fields, setFields] = useState<ConsultationFields>(blank);
  const [attachments, setAttachments] = useState<AttachmentDraft[]>([]);
  const [isSaving, setIsSaving] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<StaffConsultation | null>(null);
  const existing = loaded.state.status === 'ready' ? loaded.state.data : null;

  useEffect(() => {
    if (!existing) return;
    setFields(fieldsOf(existing));
    setAttachments(existing.attachments.map((attachment) => ({ name: attachment.name, fileId: attachment.fileId, url: attachment.fileId ? null : attachment.url })));
  }, [existing]);

  const setField = (name: keyof ConsultationFields, value: string) => setFields((current) => ({ ...current, [name]: value }));

  const addDocument = async (file: { name: string; path: string }) => {
    setErrorMessage(null);
    try {
      const uploaded = await uploadDocument({ path: file.path });
      setAttachments((current) => [...current, { name: file.name.replace(/\.pdf$/i, '') || uploaded.name, fileId: uploaded.fileId, url: null }]);
    } catch (error) {
      setErrorMessage(describeError(error));
    }
  };

  const save = async () => {
    setIsSaving(true);
    setErrorMessage(null);
    try {
      setSaved(await saveConsultation({ departmentId, id, input: toInput(fields, attachments) }));
    } catch (error) {
      setErrorMessage(describeError(error));
    } finally {
      setIsSaving(false);
    }
  };

  return {
    loaded: loaded.state,
    fields,
    setField,
    sectionCount: parseSections(fields.sectionsText).length,
    attachments,
    removeAttachment: (index) => setAttachments((current) => current.filter((_, position) => position !== index)),
    addDocument,
    isSaving,
    errorMessage,
    saved,
    save,
  };
}
